package jp.ishigaki.detection.classify;

import jp.ishigaki.detection.sigma.SigmaRule;
import jp.ishigaki.schemas.event.ClassifiedEvent;

import java.util.List;

/** What the rules made of one valid event: classified with its matching rules, or discarded with a reason. */
public sealed interface Classification {

    /** At least one rule matched. */
    record Matched(ClassifiedEvent event, NormalisedEvent normalised, Enrichment enrichment, List<SigmaRule> rules,
            boolean serverRoom) implements Classification {
    }

    /**
     * Discarded explicitly: {@code no_rule} when no rule matched (the rule set is the explicit list of what
     * matters), or {@code discard_rule} when a rule tagged {@code ishigaki.discard} matched.
     */
    record Discarded(String reason, String ruleId) implements Classification {
        public static final String NO_RULE = "no_rule";
        public static final String DISCARD_RULE = "discard_rule";
    }
}
