package jp.ishigaki.incident.adapter.rest;

import jp.ishigaki.incident.adapter.persistence.IncidentEntity;
import jp.ishigaki.incident.domain.Impact;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.incident.domain.PersonalDataAssessment;
import jp.ishigaki.incident.domain.Task;
import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.timeline.TimelineChain;
import jp.ishigaki.timeline.TimelineEntry;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of the incident API. */
public final class IncidentViews {

    private IncidentViews() {
    }

    /** A row of the queue. */
    public record Summary(String id, String number, String title, IncidentState state, String stateLabel,
                          Severity severity, Threat threat, String threatName, String threatGroup, Segment segment,
                          String assignee, boolean acknowledged, int escalationLevel, long detectionCount,
                          Instant openedAt, Instant lastSeen, Instant nextDueAt) {

        static Summary of(IncidentEntity e) {
            IncidentState state = IncidentState.valueOf(e.state);
            Threat threat = Threat.ofCode(e.threat);
            return new Summary(e.id, e.number, e.title, state, state.ja(), Severity.ofCode(e.severity), threat,
                    threat.ja(), e.threatGroup, Segment.ofCode(e.segment), e.assignee, e.ackAt != null,
                    e.escalationLevel, e.detectionCount, e.openedAt, e.lastSeen, e.nextDueAt);
        }
    }

    /** One page of the queue. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** The escalation clock as shown on an incident. */
    public record ClockView(Instant dueAt, int level, String kind, List<String> roles) {
    }

    /** An acknowledgement. */
    public record AckView(String by, Instant at, int level) {
    }

    /** A task. */
    public record TaskView(String code, Task.Kind kind, String title, IncidentState phase, boolean mandatory,
                           String responsibleRole, Instant dueAt, Task.Status status, String resolvedBy,
                           Instant resolvedAt, String note) {
        static TaskView of(Task t) {
            return new TaskView(t.code(), t.kind(), t.title(), t.phase(), t.mandatory(), t.responsibleRole(), t.dueAt(),
                    t.status(), t.resolvedBy(), t.resolvedAt(), t.note());
        }
    }

    /** The whole incident. */
    public record Detail(String id, String number, Incident.Source source, String title, String description,
                         IncidentState state, String stateLabel, String stateReason, Severity severity, Threat threat,
                         String threatName, String threatGroup, Segment segment, String dedupKey, long detectionCount,
                         Instant firstSeen, Instant lastSeen, Instant openedAt, String reportedBy, String department,
                         List<String> affectedAssets, AckView acknowledgement, String assignee, int escalationLevel,
                         ClockView escalationClock, PersonalDataAssessment personalData, boolean ransomwareSuspected,
                         Impact impact, boolean legalTrigger, String rootCause, String recurrencePrevention,
                         Instant closedAt, String mergedInto, List<TaskView> tasks) {

        static Detail of(Incident i, ClockView clock) {
            return new Detail(i.id(), i.number(), i.source(), i.title(), i.description(), i.state(), i.state().ja(),
                    i.stateReason(), i.severity(), i.threat(), i.threat().ja(), i.threat().group().name(), i.segment(),
                    i.dedupKey(), i.detectionCount(), i.firstSeen(), i.lastSeen(), i.openedAt(), i.reportedBy(),
                    i.department(), i.affectedAssets(),
                    i.acknowledgement() == null ? null : new AckView(i.acknowledgement().by(), i.acknowledgement().at(),
                            i.acknowledgement().level()),
                    i.assignee(), i.escalationLevel(), clock, i.personalData(), i.ransomwareSuspected(), i.impact(),
                    i.legalTrigger(), i.rootCause(), i.recurrencePrevention(), i.closedAt(), i.mergedInto(),
                    i.tasks().stream().map(TaskView::of).toList());
        }
    }

    /** A timeline entry. */
    public record Entry(int seq, Instant at, String actor, String type, String text, String prevHash, String hash) {
        static Entry of(TimelineEntry e) {
            return new Entry(e.seq(), e.at(), e.actor(), e.type(), e.text(), e.prevHash(), e.hash());
        }
    }

    /** The result of verifying the hash chain. */
    public record Verification(String incidentId, boolean intact, int entries, Integer firstBrokenSeq, String problem,
                               String algorithm) {
        static Verification of(String id, TimelineChain.Verification v) {
            return new Verification(id, v.intact(), v.entries(), v.firstBrokenSeq(), v.problem(), "SHA-256");
        }
    }
}
