package jp.ishigaki.schemas.detection;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A rule hit, de-duplicated within a suppression window: the value of {@code security.detections}.
 * {@code id} is deterministic (a replay yields the same id); {@code dedupKey} is rule + grouping entity, and an
 * open incident with the same key absorbs the detection. {@code count} is the number of hits folded into it.
 */
public record Detection(
        String id,
        String dedupKey,
        String ruleId,
        String ruleTitle,
        RuleKind ruleKind,
        Severity ruleLevel,
        Severity severity,
        List<String> severityReasons,
        Threat threat,
        List<Control> controls,
        List<String> attackTags,
        Segment segment,
        String host,
        String user,
        String sourceIp,
        Asset asset,
        String summary,
        long count,
        Instant firstSeen,
        Instant lastSeen,
        List<String> eventIds,
        List<Map<String, Object>> samples) {

    public Detection {
        severityReasons = severityReasons == null ? List.of() : List.copyOf(severityReasons);
        controls = controls == null ? List.of() : List.copyOf(controls);
        attackTags = attackTags == null ? List.of() : List.copyOf(attackTags);
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /** A single-event Sigma rule or a Sigma correlation rule. */
    public enum RuleKind {
        single, correlation
    }
}
