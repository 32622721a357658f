package jp.ishigaki.detection.sigma;

import jp.ishigaki.schemas.policy.Severity;

import java.time.Duration;
import java.util.List;

/**
 * A Sigma correlation rule: {@code event_count} (hits of the referenced rules per group within the timespan),
 * {@code value_count} (distinct values of {@code condition.field} per group) or {@code temporal} /
 * {@code temporal_ordered} (every referenced rule hit within the timespan, in order for the latter).
 * {@code generate: false} (the default, as in Sigma) keeps the referenced rules from producing detections of their
 * own; their events are still classified.
 */
public record CorrelationRule(
        String id,
        String name,
        String title,
        String description,
        Severity level,
        RuleTags tags,
        Type type,
        List<String> rules,
        List<String> groupBy,
        Duration timespan,
        Threshold threshold,
        String valueField,
        boolean generate,
        String origin) implements Rule {

    public CorrelationRule {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
    }

    @Override
    public String kind() {
        return "correlation";
    }

    /** The correlation types of the Sigma specification that Ishigaki evaluates. */
    public enum Type {
        EVENT_COUNT, VALUE_COUNT, TEMPORAL, TEMPORAL_ORDERED;

        static Type of(String text) {
            return switch (text) {
                case "event_count" -> EVENT_COUNT;
                case "value_count" -> VALUE_COUNT;
                case "temporal" -> TEMPORAL;
                case "temporal_ordered" -> TEMPORAL_ORDERED;
                default -> null;
            };
        }
    }

    /** A numeric condition such as {@code gte: 10}; several bounds must all hold. */
    public record Threshold(Long gt, Long gte, Long lt, Long lte, Long eq) {
        public boolean test(long n) {
            return (gt == null || n > gt) && (gte == null || n >= gte) && (lt == null || n < lt)
                    && (lte == null || n <= lte) && (eq == null || n == eq);
        }

        /** True when no more hits can make a true condition false (there is no upper bound). */
        public boolean monotonic() {
            return lt == null && lte == null && eq == null;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            append(out, ">", gt);
            append(out, ">=", gte);
            append(out, "<", lt);
            append(out, "<=", lte);
            append(out, "=", eq);
            return out.toString().trim();
        }

        private static void append(StringBuilder out, String op, Long value) {
            if (value != null) {
                out.append(op).append(' ').append(value).append(' ');
            }
        }
    }
}
