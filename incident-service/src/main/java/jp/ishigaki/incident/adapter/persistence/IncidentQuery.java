package jp.ishigaki.incident.adapter.persistence;

import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.policy.ThreatGroup;

import java.util.Set;

/** Filters, page and order of the incident queue; empty sets mean "any". */
public record IncidentQuery(
        Set<IncidentState> states,
        Set<Severity> severities,
        Set<Threat> threats,
        Set<ThreatGroup> threatGroups,
        Set<Segment> segments,
        String assignee,
        Boolean acknowledged,
        String text,
        Sort sort,
        int page,
        int size) {

    /** The orders the queue offers. */
    public enum Sort {
        /** Most severe first, then the earliest deadline or escalation. */
        SEVERITY,
        /** Earliest deadline or escalation first, then the most severe. */
        NEXT_DUE,
        /** Newest first. */
        OPENED
    }

    public IncidentQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        threats = threats == null ? Set.of() : Set.copyOf(threats);
        threatGroups = threatGroups == null ? Set.of() : Set.copyOf(threatGroups);
        segments = segments == null ? Set.of() : Set.copyOf(segments);
        sort = sort == null ? Sort.SEVERITY : sort;
    }
}
