package jp.ishigaki.console.web;

import jp.ishigaki.console.policy.PolicyRef;
import jp.ishigaki.incident.adapter.persistence.IncidentEntity;
import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;

import java.time.Instant;

/**
 * One incident as the queue shows it, localised; every string derived from events is escaped by the template,
 * never marked raw. {@code dueEpochMs} is the next escalation or deadline (0 when none) for the live countdown.
 */
public record IncidentRow(
        String id,
        String number,
        String title,
        String severity,
        String severityLabel,
        PolicyRef threat,
        String segmentLabel,
        String stateLabel,
        String assignee,
        boolean acknowledged,
        int escalationLevel,
        long detectionCount,
        String opened,
        String nextDue,
        long dueEpochMs) {

    static IncidentRow of(IncidentEntity e, Formats f) {
        Severity severity = Severity.ofCode(e.severity);
        Segment segment = Segment.parseOrUnknown(e.segment);
        IncidentState state = IncidentState.valueOf(e.state);
        Instant due = e.nextDueAt;
        return new IncidentRow(e.id, e.number, e.title, severity.code(), f.severity(severity),
                f.catalogue().threat(Threat.ofCode(e.threat)), f.english() ? segment.en() : segment.ja(),
                f.english() ? state.en() : state.ja(), e.assignee, e.ackAt != null, e.escalationLevel,
                e.detectionCount, f.dateTime(e.openedAt), f.dateTime(due), due == null ? 0 : due.toEpochMilli());
    }
}
