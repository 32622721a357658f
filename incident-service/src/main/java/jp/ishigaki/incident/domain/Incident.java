package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static jp.ishigaki.incident.domain.Outcome.Rejection;
import static jp.ishigaki.incident.domain.Outcome.accept;
import static jp.ishigaki.incident.domain.Outcome.reject;

/**
 * The incident aggregate: an immutable snapshot whose commands return the next snapshot and the changes they cause,
 * or a rejection with a reason (DOMAIN.md §4–6).
 */
public record Incident(
        String id,
        String number,
        Source source,
        String title,
        String description,
        Threat threat,
        Segment segment,
        Severity severity,
        IncidentState state,
        String dedupKey,
        long detectionCount,
        Instant firstSeen,
        Instant lastSeen,
        Instant openedAt,
        String reportedBy,
        String department,
        List<String> affectedAssets,
        Acknowledgement acknowledgement,
        String assignee,
        int escalationLevel,
        PersonalDataAssessment personalData,
        boolean ransomwareSuspected,
        Impact impact,
        String rootCause,
        String recurrencePrevention,
        String stateReason,
        Instant closedAt,
        String mergedInto,
        List<Task> tasks) {

    /** Roles that may close an incident (DOMAIN.md §5: CLOSED is the manager's act). */
    public static final Set<String> CLOSERS = Set.of("manager", "supervisor", "ciso", "admin");

    /** Where an incident came from. */
    public enum Source { DETECTION, MANUAL }

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        affectedAssets = affectedAssets == null ? List.of() : List.copyOf(affectedAssets);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        personalData = personalData == null ? PersonalDataAssessment.NONE : personalData;
    }

    // ---------------------------------------------------------------- opening

    /** Opens an incident: severity raises, the DETECTED phase tasks and the reporting obligations it already has. */
    public static Outcome.Accepted open(OpenIncident cmd, ObligationRules rules, Instant now) {
        Incident incident = new Incident(cmd.id(), cmd.number(), cmd.source(), cmd.title(), cmd.description(),
                cmd.threat(), cmd.segment(), cmd.severity() == Severity.INFO ? Severity.LOW : cmd.severity(),
                IncidentState.DETECTED, cmd.dedupKey(), cmd.detectionCount(),
                cmd.firstSeen() == null ? now : cmd.firstSeen(), cmd.lastSeen() == null ? now : cmd.lastSeen(), now,
                cmd.reportedBy(), cmd.department(), cmd.affectedAssets(), null, null, 0, cmd.personalData(),
                cmd.ransomwareSuspected(), null, null, null, null, null, null, List.of());
        List<IncidentChange> changes = new ArrayList<>();
        changes.add(new IncidentChange.Opened(cmd.source(), cmd.title()));
        if (cmd.severityAlreadyAssessed()) {
            for (String reason : cmd.severityReasons()) {
                changes.add(new IncidentChange.Assessed("重大度の根拠: " + reason));
            }
        }
        SeverityPolicy.Facts facts = new SeverityPolicy.Facts(incident.severity, incident.segment,
                !cmd.severityAlreadyAssessed() && cmd.highlyClassifiedAsset(), incident.legalTrigger(),
                incident.threat.group(), !cmd.severityAlreadyAssessed() && cmd.serverRoomHit());
        incident = incident.applyRaises(SeverityPolicy.raises(facts), changes);
        incident = incident.addTasks(ReportingObligations.missing(incident, rules, now), changes);
        return new Outcome.Accepted(incident, changes);
    }

    // ---------------------------------------------------------------- queries

    public boolean isOpen() {
        return !state.isTerminal();
    }

    public boolean isAcknowledged() {
        return acknowledgement != null;
    }

    public boolean legalTrigger() {
        return LegalTriggers.legalTrigger(personalData, segment);
    }

    public List<Task> blockingTasks() {
        return tasks.stream().filter(Task::blocksClosing).toList();
    }

    // ---------------------------------------------------------------- workflow

    /**
     * Moves the incident to {@code target} under DOMAIN.md §5: forward moves skip phases only for low/medium; a move
     * back (reopen) needs a reason, and a reopen from CLOSED or DISMISSED clears the acknowledgement and the escalation
     * level; DISMISSED needs a reason; CLOSED from LESSONS needs root cause and recurrence
     * prevention; CLOSED is refused while a mandatory task is open; only managers and above close.
     */
    public Outcome transition(IncidentState target, String reason, String rootCause, String prevention, Actor actor,
                              Instant now) {
        if (target == null) {
            return reject(Rejection.INVALID, "target state is required");
        }
        if (target == state) {
            return reject(Rejection.SAME_STATE, "the incident is already in " + target + " (" + target.ja() + ")");
        }
        if (target == IncidentState.DETECTED) {
            return reject(Rejection.ILLEGAL_TRANSITION, "DETECTED is the entry state; reopen to TRIAGE or a later phase");
        }
        if (target == IncidentState.DISMISSED) {
            if (state == IncidentState.CLOSED) {
                return reject(Rejection.ILLEGAL_TRANSITION, "a closed incident cannot be dismissed; reopen it first");
            }
            if (isBlank(reason)) {
                return reject(Rejection.REASON_REQUIRED, "dismissing (誤検知・対象外) requires a reason");
            }
            Incident next = toBuilder().state(target).stateReason(reason).closedAt(now).build();
            return accept(next, new IncidentChange.Transitioned(state, target, reason, false));
        }
        boolean reopen = state.isTerminal() || target.ordinal() < state.ordinal();
        if (reopen) {
            if (isBlank(reason)) {
                return reject(Rejection.REASON_REQUIRED, "moving back from " + state + " to " + target + " (reopen) requires a reason");
            }
            if (target == IncidentState.CLOSED) {
                return reject(Rejection.ILLEGAL_TRANSITION, "a dismissed incident cannot be closed; reopen it first");
            }
            Builder b = toBuilder().state(target).stateReason(reason).closedAt(null).mergedInto(null);
            if (state.isTerminal()) {
                // An ended incident that comes back is new work (DOMAIN.md §5/§6): nobody holds it until someone
                // acknowledges it again, and its escalation starts over from the first step of its severity's rule.
                b.acknowledgement(null).escalationLevel(0);
            }
            return accept(b.build(), new IncidentChange.Transitioned(state, target, reason, true));
        }
        int steps = target.ordinal() - state.ordinal();
        if (steps > 1 && severity.isAtLeast(Severity.HIGH)) {
            IncidentState nextPhase = IncidentState.values()[state.ordinal() + 1];
            return reject(Rejection.SKIP_NOT_ALLOWED, severity.code() + " incidents go through every phase: the next is "
                    + nextPhase + " (" + nextPhase.ja() + "); only low and medium incidents may skip phases");
        }
        List<IncidentChange> changes = new ArrayList<>();
        Builder b = toBuilder().state(target).stateReason(reason);
        if (target == IncidentState.CLOSED) {
            if (!actor.hasAnyRole(CLOSERS)) {
                return reject(Rejection.FORBIDDEN, "closing (終結) is for a manager, supervisor, CISO or admin");
            }
            String cause = isBlank(rootCause) ? this.rootCause : rootCause;
            String prevent = isBlank(prevention) ? this.recurrencePrevention : prevention;
            if (state == IncidentState.LESSONS && (isBlank(cause) || isBlank(prevent))) {
                return reject(Rejection.CLOSE_REQUIREMENTS_MISSING,
                        "closing from LESSONS requires a root cause and a recurrence-prevention measure");
            }
            List<Task> blocking = blockingTasks();
            if (!blocking.isEmpty()) {
                return reject(Rejection.MANDATORY_TASKS_OPEN, "mandatory reporting tasks are still open (done or waived "
                        + "with a reason first): " + blocking.stream().map(t -> t.code() + " " + t.title())
                        .collect(Collectors.joining(", ")));
            }
            if (!Objects.equals(cause, this.rootCause) || !Objects.equals(prevent, this.recurrencePrevention)) {
                changes.add(new IncidentChange.Lessons(cause, prevent));
            }
            b.rootCause(cause).recurrencePrevention(prevent).closedAt(now);
        }
        changes.add(0, new IncidentChange.Transitioned(state, target, reason, false));
        Incident next = b.build();
        List<Task> phaseTasks = TaskTemplates.forPhase(target, threat.group()).stream()
                .filter(t -> next.tasks.stream().noneMatch(x -> x.code().equals(t.code())))
                .map(t -> new Task(t.code(), t.code(), Task.Kind.ACTION, t.title(), t.phase(), false,
                        t.responsibleRole(), null, Task.Status.OPEN, null, null, null))
                .toList();
        return new Outcome.Accepted(next.addTasks(phaseTasks, changes), changes);
    }

    /** 受領確認: records who took the incident; the application stops the clock at this level. */
    public Outcome acknowledge(Actor actor, Instant now) {
        if (!isOpen()) {
            return reject(Rejection.INCIDENT_TERMINAL, "the incident is " + state + "; nothing to acknowledge");
        }
        if (isAcknowledged()) {
            return reject(Rejection.ALREADY_ACKNOWLEDGED, "already acknowledged by " + acknowledgement.by() + " at "
                    + acknowledgement.at());
        }
        int level = Math.max(escalationLevel, 1);
        return accept(toBuilder().acknowledgement(new Acknowledgement(actor.name(), now, level)).build(),
                new IncidentChange.Acknowledged(actor.name(), level));
    }

    /** Assigns a handler. */
    public Outcome assign(String to) {
        if (isBlank(to)) {
            return reject(Rejection.INVALID, "assignee is required");
        }
        if (!isOpen()) {
            return reject(Rejection.INCIDENT_TERMINAL, "the incident is " + state + "; reopen it to assign");
        }
        if (to.equals(assignee)) {
            return reject(Rejection.INVALID, "already assigned to " + to);
        }
        return accept(toBuilder().assignee(to).build(), new IncidentChange.Assigned(assignee, to));
    }

    /** Adds a comment (also on closed incidents: the record stays open to notes). */
    public Outcome comment(String text) {
        if (isBlank(text)) {
            return reject(Rejection.INVALID, "comment text is required");
        }
        if (text.length() > 4000) {
            return reject(Rejection.INVALID, "comment is longer than 4000 characters");
        }
        return accept(this, new IncidentChange.Commented(text.strip()));
    }

    /** Absorbs a detection with the same dedup key: count, last seen, severity may only rise. */
    public Outcome attach(String detectionId, long count, Instant lastSeen, Severity detected, List<String> reasons,
                          ObligationRules rules, Instant now) {
        if (!isOpen()) {
            return reject(Rejection.INCIDENT_TERMINAL, "a " + state + " incident absorbs no detections");
        }
        long total = detectionCount + Math.max(count, 1);
        Instant seen = lastSeen == null || (this.lastSeen != null && lastSeen.isBefore(this.lastSeen)) ? this.lastSeen : lastSeen;
        List<IncidentChange> changes = new ArrayList<>();
        changes.add(new IncidentChange.DetectionAttached(detectionId, Math.max(count, 1), total, seen));
        Incident next = toBuilder().detectionCount(total).lastSeen(seen).build();
        if (detected != null && detected.compareTo(severity) > 0) {
            String why = reasons == null || reasons.isEmpty() ? "新しい検知の重大度" : "新しい検知の重大度: " + String.join("; ", reasons);
            next = next.applyRaises(List.of(new SeverityPolicy.Raise(severity, detected, why)), changes);
        }
        next = next.addTasks(ReportingObligations.missing(next, rules, now), changes);
        return new Outcome.Accepted(next, changes);
    }

    /** Raises the severity by hand (never lowers it). */
    public Outcome raiseSeverity(Severity to, String reason, ObligationRules rules, Instant now) {
        if (to == null || isBlank(reason)) {
            return reject(Rejection.INVALID, "a severity and a reason are required");
        }
        if (!to.isAtLeast(severity) || to == severity) {
            return reject(Rejection.INVALID, "severity is raised, never lowered: it is " + severity.code());
        }
        List<IncidentChange> changes = new ArrayList<>();
        Incident next = applyRaises(List.of(new SeverityPolicy.Raise(severity, to, reason)), changes);
        next = next.addTasks(ReportingObligations.missing(next, rules, now), changes);
        return new Outcome.Accepted(next, changes);
    }

    /**
     * Records the personal-data assessment, ransomware suspicion and the NIST factors; a legal trigger raises severity
     * to at least high and adds the reporting obligations.
     */
    public Outcome assess(PersonalDataAssessment data, Boolean ransomware, Impact newImpact, ObligationRules rules,
                          Instant now) {
        Builder b = toBuilder();
        List<String> summary = new ArrayList<>();
        if (data != null) {
            b.personalData(data);
            summary.add("個人情報 漏えい疑い=" + data.leakSuspected() + ", 要配慮=" + data.sensitiveData() + ", 財産的被害="
                    + data.financialHarm() + ", 不正目的=" + data.unlawfulPurpose() + ", 人数=" + data.personsAffected()
                    + ", 特定個人情報=" + data.specificPersonalInfo());
        }
        if (ransomware != null) {
            b.ransomwareSuspected(ransomware);
            summary.add("ランサムウェア疑い=" + ransomware);
        }
        if (newImpact != null) {
            b.impact(newImpact);
            summary.add("NIST 機能影響=" + newImpact.functional() + ", 情報影響=" + newImpact.information() + ", 復旧性="
                    + newImpact.recoverability());
        }
        if (summary.isEmpty()) {
            return reject(Rejection.INVALID, "nothing to assess");
        }
        List<IncidentChange> changes = new ArrayList<>();
        changes.add(new IncidentChange.Assessed(String.join(" / ", summary)));
        Incident next = b.build();
        next = next.applyRaises(SeverityPolicy.raises(new SeverityPolicy.Facts(next.severity, next.segment, false,
                next.legalTrigger(), next.threat.group(), false)), changes);
        next = next.addTasks(ReportingObligations.missing(next, rules, now), changes);
        return new Outcome.Accepted(next, changes);
    }

    /** Marks a task done. */
    public Outcome completeTask(String code, String note, Actor actor, Instant now) {
        Task task = task(code);
        if (task == null) {
            return reject(Rejection.TASK_NOT_FOUND, "no task '" + code + "' on " + number);
        }
        if (!task.isOpen()) {
            return reject(Rejection.TASK_NOT_OPEN, "task '" + code + "' is already " + task.status());
        }
        Task done = task.done(actor.name(), now, note);
        return accept(withTask(done), new IncidentChange.TaskCompleted(done));
    }

    /** Waives a task; a reason is required. */
    public Outcome waiveTask(String code, String reason, Actor actor, Instant now) {
        Task task = task(code);
        if (task == null) {
            return reject(Rejection.TASK_NOT_FOUND, "no task '" + code + "' on " + number);
        }
        if (isBlank(reason)) {
            return reject(Rejection.REASON_REQUIRED, "waiving a task requires a reason");
        }
        if (!task.isOpen()) {
            return reject(Rejection.TASK_NOT_OPEN, "task '" + code + "' is already " + task.status());
        }
        Task waived = task.waived(actor.name(), now, reason);
        return accept(withTask(waived), new IncidentChange.TaskWaived(waived));
    }

    /** The escalation level rose to {@code level}. */
    public Outcome escalate(int level, String reason) {
        if (!isOpen()) {
            return reject(Rejection.INCIDENT_TERMINAL, "the incident is " + state + "; nothing to escalate");
        }
        if (level <= escalationLevel && level < EscalationPolicy.CHAIN.size()) {
            return reject(Rejection.INVALID, "already at escalation level " + escalationLevel);
        }
        int to = Math.min(level, EscalationPolicy.CHAIN.size());
        return accept(toBuilder().escalationLevel(Math.max(to, escalationLevel)).build(),
                new IncidentChange.Escalated(escalationLevel, to, reason));
    }

    /** Absorbs {@code other} (counts, times, assets; severity may rise). */
    public Outcome absorb(Incident other, ObligationRules rules, Instant now) {
        if (other.id.equals(id)) {
            return reject(Rejection.INVALID, "an incident cannot be merged into itself");
        }
        if (!isOpen() || !other.isOpen()) {
            return reject(Rejection.INCIDENT_TERMINAL, "both incidents must be open to merge");
        }
        Set<String> assets = new LinkedHashSet<>(affectedAssets);
        assets.addAll(other.affectedAssets);
        List<IncidentChange> changes = new ArrayList<>();
        changes.add(new IncidentChange.Merged(other.number, true));
        Incident next = toBuilder().detectionCount(detectionCount + other.detectionCount)
                .firstSeen(min(firstSeen, other.firstSeen)).lastSeen(max(lastSeen, other.lastSeen))
                .affectedAssets(List.copyOf(assets)).build();
        if (other.severity.compareTo(severity) > 0) {
            next = next.applyRaises(List.of(new SeverityPolicy.Raise(severity, other.severity,
                    "統合した " + other.number + " の重大度")), changes);
        }
        next = next.addTasks(ReportingObligations.missing(next, rules, now), changes);
        return new Outcome.Accepted(next, changes);
    }

    /** Ends this incident as merged into {@code target} (DISMISSED with the reason). */
    public Outcome mergeInto(Incident target, Instant now) {
        if (target.id.equals(id)) {
            return reject(Rejection.INVALID, "an incident cannot be merged into itself");
        }
        if (!isOpen() || !target.isOpen()) {
            return reject(Rejection.INCIDENT_TERMINAL, "both incidents must be open to merge");
        }
        String reason = target.number + " へ統合";
        Incident next = toBuilder().state(IncidentState.DISMISSED).stateReason(reason).closedAt(now)
                .mergedInto(target.id).dedupKey(dedupKey).build();
        return accept(next, new IncidentChange.Merged(target.number, false),
                new IncidentChange.Transitioned(state, IncidentState.DISMISSED, reason, false));
    }

    // ---------------------------------------------------------------- helpers

    public Task task(String code) {
        return tasks.stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
    }

    private Incident withTask(Task changed) {
        return toBuilder().tasks(tasks.stream().map(t -> t.code().equals(changed.code()) ? changed : t).toList()).build();
    }

    private Incident addTasks(List<Task> added, List<IncidentChange> changes) {
        if (added.isEmpty()) {
            return this;
        }
        List<Task> all = new ArrayList<>(tasks);
        for (Task t : added) {
            all.add(t);
            changes.add(new IncidentChange.TaskAdded(t));
        }
        return toBuilder().tasks(all).build();
    }

    private Incident applyRaises(List<SeverityPolicy.Raise> raises, List<IncidentChange> changes) {
        Incident next = this;
        for (SeverityPolicy.Raise r : raises) {
            changes.add(new IncidentChange.SeverityRaised(r.from(), r.to(), r.reason()));
            next = next.toBuilder().severity(r.to()).build();
        }
        return next;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-with for the aggregate's many fields. */
    public static final class Builder {
        private String id, number, title, description, dedupKey, reportedBy, department, assignee, rootCause,
                recurrencePrevention, stateReason, mergedInto;
        private Source source;
        private Threat threat;
        private Segment segment;
        private Severity severity;
        private IncidentState state;
        private long detectionCount;
        private Instant firstSeen, lastSeen, openedAt, closedAt;
        private List<String> affectedAssets;
        private Acknowledgement acknowledgement;
        private int escalationLevel;
        private PersonalDataAssessment personalData;
        private boolean ransomwareSuspected;
        private Impact impact;
        private List<Task> tasks;

        private Builder(Incident i) {
            id = i.id; number = i.number; source = i.source; title = i.title; description = i.description;
            threat = i.threat; segment = i.segment; severity = i.severity; state = i.state; dedupKey = i.dedupKey;
            detectionCount = i.detectionCount; firstSeen = i.firstSeen; lastSeen = i.lastSeen; openedAt = i.openedAt;
            reportedBy = i.reportedBy; department = i.department; affectedAssets = i.affectedAssets;
            acknowledgement = i.acknowledgement; assignee = i.assignee; escalationLevel = i.escalationLevel;
            personalData = i.personalData; ransomwareSuspected = i.ransomwareSuspected; impact = i.impact;
            rootCause = i.rootCause; recurrencePrevention = i.recurrencePrevention; stateReason = i.stateReason;
            closedAt = i.closedAt; mergedInto = i.mergedInto; tasks = i.tasks;
        }

        public Builder severity(Severity v) { severity = v; return this; }
        public Builder threat(Threat v) { threat = v; return this; }
        public Builder segment(Segment v) { segment = v; return this; }
        public Builder state(IncidentState v) { state = v; return this; }
        public Builder dedupKey(String v) { dedupKey = v; return this; }
        public Builder detectionCount(long v) { detectionCount = v; return this; }
        public Builder firstSeen(Instant v) { firstSeen = v; return this; }
        public Builder lastSeen(Instant v) { lastSeen = v; return this; }
        public Builder affectedAssets(List<String> v) { affectedAssets = v; return this; }
        public Builder acknowledgement(Acknowledgement v) { acknowledgement = v; return this; }
        public Builder assignee(String v) { assignee = v; return this; }
        public Builder escalationLevel(int v) { escalationLevel = v; return this; }
        public Builder personalData(PersonalDataAssessment v) { personalData = v; return this; }
        public Builder ransomwareSuspected(boolean v) { ransomwareSuspected = v; return this; }
        public Builder impact(Impact v) { impact = v; return this; }
        public Builder rootCause(String v) { rootCause = v; return this; }
        public Builder recurrencePrevention(String v) { recurrencePrevention = v; return this; }
        public Builder stateReason(String v) { stateReason = v; return this; }
        public Builder closedAt(Instant v) { closedAt = v; return this; }
        public Builder mergedInto(String v) { mergedInto = v; return this; }
        public Builder tasks(List<Task> v) { tasks = v; return this; }

        public Incident build() {
            return new Incident(id, number, source, title, description, threat, segment, severity, state, dedupKey,
                    detectionCount, firstSeen, lastSeen, openedAt, reportedBy, department, affectedAssets,
                    acknowledgement, assignee, escalationLevel, personalData, ransomwareSuspected, impact, rootCause,
                    recurrencePrevention, stateReason, closedAt, mergedInto, tasks);
        }
    }
}
