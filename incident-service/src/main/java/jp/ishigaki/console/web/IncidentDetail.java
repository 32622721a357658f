package jp.ishigaki.console.web;

import jp.ishigaki.console.policy.PolicyRef;
import jp.ishigaki.escalation.EscalationClockRepository;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.incident.domain.Task;
import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.timeline.TimelineChain;
import jp.ishigaki.timeline.TimelineEntry;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The incident detail page's model: summary, tasks and obligations, the hash-chained timeline with its verification,
 * and the choices the action forms offer. Built from the incident core's aggregate; nothing is recomputed here.
 */
public record IncidentDetail(
        String id,
        String number,
        String title,
        String description,
        String severity,
        String severityLabel,
        PolicyRef threat,
        String segmentLabel,
        String state,
        String stateLabel,
        String stateReason,
        boolean open,
        String assignee,
        String acknowledgedBy,
        String acknowledgedAt,
        int escalationLevel,
        String clockDue,
        long clockDueEpochMs,
        String clockRoles,
        long detectionCount,
        String firstSeen,
        String lastSeen,
        String openedAt,
        String reportedBy,
        String department,
        List<String> affectedAssets,
        boolean legalTrigger,
        String rootCause,
        String recurrencePrevention,
        String mergedInto,
        List<TaskRow> tasks,
        List<TimelineRow> timeline,
        List<TimelineRow> severityReasons,
        boolean timelineIntact,
        Integer firstBrokenSeq,
        List<Choice> states) {

    /** A task or reporting obligation. */
    public record TaskRow(String code, boolean reporting, String title, String phase, boolean mandatory,
                          String responsibleRole, String due, boolean overdue, String status, boolean open,
                          String resolvedBy, String note) {
    }

    /** A timeline entry. */
    public record TimelineRow(int seq, String at, String actor, String type, String text) {
    }

    /** An option of a select box. */
    public record Choice(String value, String label) {
    }

    static IncidentDetail of(Incident i, Optional<EscalationClockRepository.ClockRow> clock, List<TimelineEntry> entries,
                             Formats f, Instant now) {
        TimelineChain.Verification v = TimelineChain.verify(entries);
        List<TimelineRow> timeline = entries.stream()
                .map(e -> new TimelineRow(e.seq(), f.dateTime(e.at()), e.actor(), e.type(), e.text())).toList();
        List<TaskRow> tasks = i.tasks().stream().map(t -> new TaskRow(t.code(), t.kind() == Task.Kind.REPORTING,
                t.title(), f.state(t.phase()), t.mandatory(), t.responsibleRole(), f.dateTime(t.dueAt()),
                t.isOpen() && t.dueAt() != null && t.dueAt().isBefore(now), t.status().name(), t.isOpen(),
                t.resolvedBy(), t.note())).toList();
        return new IncidentDetail(i.id(), i.number(), i.title(), i.description(), i.severity().code(),
                f.severity(i.severity()), f.catalogue().threat(i.threat()), f.segment(i.segment()), i.state().name(),
                f.state(i.state()), i.stateReason(), i.isOpen(), i.assignee(),
                i.acknowledgement() == null ? null : i.acknowledgement().by(),
                i.acknowledgement() == null ? null : f.dateTime(i.acknowledgement().at()),
                i.escalationLevel(),
                clock.map(c -> f.dateTime(c.dueAt())).orElse(null),
                clock.map(c -> c.dueAt().toEpochMilli()).orElse(0L),
                clock.map(c -> String.join(", ", c.roles())).orElse(null),
                i.detectionCount(), f.dateTime(i.firstSeen()), f.dateTime(i.lastSeen()), f.dateTime(i.openedAt()),
                i.reportedBy(), i.department(), i.affectedAssets() == null ? List.of() : i.affectedAssets(),
                i.legalTrigger(), i.rootCause(), i.recurrencePrevention(), i.mergedInto(), tasks, timeline,
                timeline.stream().filter(t -> "SEVERITY_RAISED".equals(t.type())).toList(),
                v.intact(), v.firstBrokenSeq(),
                choices(i.state(), f));
    }

    /** Forward states first (the next one preselected), then dismissal, then the earlier states (a reopen). */
    private static List<Choice> choices(IncidentState current, Formats f) {
        return Arrays.stream(IncidentState.values()).filter(s -> s != current)
                .sorted(java.util.Comparator.comparingInt((IncidentState s) -> s.ordinal() > current.ordinal() ? 0 : 1))
                .map(s -> new Choice(s.name(), f.state(s))).toList();
    }
}
