package jp.ishigaki.incident.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.incident.domain.IncidentChange;
import jp.ishigaki.outbox.Outbox;
import jp.ishigaki.schemas.incident.IncidentEvent;
import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.timeline.TimelineEntry;
import jp.ishigaki.timeline.TimelineRepository;

import java.time.Instant;
import java.util.List;

/**
 * Writes what happened to an incident: one hash-chained timeline entry per change and, in the same transaction, the
 * matching {@code incident.events} record in the outbox (its sequence is the timeline's).
 */
@ApplicationScoped
public class IncidentRecorder {

    private final TimelineRepository timeline;
    private final Outbox outbox;

    public IncidentRecorder(TimelineRepository timeline, Outbox outbox) {
        this.timeline = timeline;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Incident incident, List<IncidentChange> changes, String actor, Instant now) {
        for (IncidentChange change : changes) {
            entry(incident, typeOf(change), change.text(), actor, now);
        }
    }

    /** One entry that is not a domain change (notices, delivery results). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void entry(Incident incident, IncidentEvent.Type type, String text, String actor, Instant now) {
        TimelineEntry e = timeline.append(incident.id(), now, actor, type.name(), text);
        IncidentEvent event = new IncidentEvent(incident.id() + ":" + e.seq(), incident.id(), incident.number(), e.seq(),
                type, incident.state(), incident.severity(), incident.threat(), incident.segment(), incident.title(),
                incident.isAcknowledged(), incident.assignee(), incident.escalationLevel(), actor, text, e.at());
        outbox.append(Topics.INCIDENT_EVENTS, incident.id(), incident.id(), event);
    }

    static IncidentEvent.Type typeOf(IncidentChange change) {
        if (change instanceof IncidentChange.Opened) {
            return IncidentEvent.Type.OPENED;
        } else if (change instanceof IncidentChange.DetectionAttached) {
            return IncidentEvent.Type.ATTACHED;
        } else if (change instanceof IncidentChange.SeverityRaised) {
            return IncidentEvent.Type.SEVERITY_RAISED;
        } else if (change instanceof IncidentChange.Transitioned t) {
            return t.to() == IncidentState.CLOSED ? IncidentEvent.Type.CLOSED : IncidentEvent.Type.TRANSITIONED;
        } else if (change instanceof IncidentChange.Acknowledged) {
            return IncidentEvent.Type.ACKNOWLEDGED;
        } else if (change instanceof IncidentChange.Assigned) {
            return IncidentEvent.Type.ASSIGNED;
        } else if (change instanceof IncidentChange.Commented) {
            return IncidentEvent.Type.COMMENTED;
        } else if (change instanceof IncidentChange.Assessed || change instanceof IncidentChange.Lessons) {
            return IncidentEvent.Type.ASSESSED;
        } else if (change instanceof IncidentChange.Escalated) {
            return IncidentEvent.Type.ESCALATED;
        } else if (change instanceof IncidentChange.Merged) {
            return IncidentEvent.Type.MERGED;
        }
        return IncidentEvent.Type.TASK_UPDATED;
    }
}
