package jp.ishigaki.schemas.incident;

import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;

import java.time.Instant;

/**
 * Something that happened to an incident: the value of {@code incident.events}, keyed by incident id.
 * {@code id} identifies the event (consumers are idempotent on it); {@code sequence} orders events of one incident.
 * The other fields are the incident's state after the event, so a consumer needs no second look-up.
 */
public record IncidentEvent(
        String id,
        String incidentId,
        String number,
        long sequence,
        Type type,
        IncidentState state,
        Severity severity,
        Threat threat,
        Segment segment,
        String title,
        boolean acknowledged,
        String assignee,
        int escalationLevel,
        String actor,
        String detail,
        Instant at) {

    /** What happened. */
    public enum Type {
        OPENED, ATTACHED, TRANSITIONED, ACKNOWLEDGED, ASSIGNED, ESCALATED, COMMENTED, SEVERITY_RAISED,
        TASK_UPDATED, NOTIFIED, MERGED, CLOSED, ASSESSED
    }
}
