package jp.ishigaki.detection.sigma;

import jp.ishigaki.schemas.policy.Severity;

/** A loaded rule of either kind. */
public sealed interface Rule permits SigmaRule, CorrelationRule {

    String id();

    String name();

    String title();

    Severity level();

    RuleTags tags();

    String origin();

    String kind();
}
