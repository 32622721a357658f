package jp.ishigaki.console.queue;

import jp.ishigaki.incident.adapter.persistence.IncidentQuery;
import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.policy.ThreatGroup;

import java.util.Set;
import java.util.function.Function;

/**
 * The queue's filters and sort order as the operator chose them in the filter form; blank means "any". Unknown
 * values are ignored rather than rejected, so a stale bookmark still opens the queue. Turned into the incident
 * core's {@link IncidentQuery}.
 */
public record QueueFilter(String state, String severity, String group, String threat, String segment,
                          String assignee, String ack, String q, String sort) {

    /** The most rows the queue shows at once. */
    public static final int PAGE_SIZE = 200;

    public static QueueFilter none() {
        return new QueueFilter(null, null, null, null, null, null, null, null, null);
    }

    public IncidentQuery toQuery() {
        Set<IncidentState> states = blank(state) ? openStates() : one(state, IncidentState::valueOf);
        return new IncidentQuery(states, one(severity, Severity::ofCode), one(threat, Threat::ofCode),
                one(group, ThreatGroup::valueOf), one(segment, Segment::ofCode),
                blank(assignee) ? null : assignee.trim(),
                "yes".equals(ack) ? Boolean.TRUE : "no".equals(ack) ? Boolean.FALSE : null,
                blank(q) ? null : q.trim(),
                switch (sort == null ? "" : sort) {
                    case "deadline" -> IncidentQuery.Sort.NEXT_DUE;
                    case "opened" -> IncidentQuery.Sort.OPENED;
                    default -> IncidentQuery.Sort.SEVERITY;
                }, 0, PAGE_SIZE);
    }

    /** The choices of the form's select boxes. */
    public IncidentState[] states() {
        return IncidentState.values();
    }

    public Segment[] segments() {
        return Segment.values();
    }

    public ThreatGroup[] groups() {
        return ThreatGroup.values();
    }

    private static Set<IncidentState> openStates() {
        return Set.of(IncidentState.DETECTED, IncidentState.TRIAGE, IncidentState.CONTAINMENT,
                IncidentState.INVESTIGATION, IncidentState.RECOVERY, IncidentState.LESSONS);
    }

    private static <T> Set<T> one(String value, Function<String, T> parse) {
        if (blank(value)) {
            return Set.of();
        }
        try {
            return Set.of(parse.apply(value.trim()));
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
