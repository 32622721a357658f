package jp.ishigaki.incident.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.ishigaki.escalation.EscalationClockRepository;
import jp.ishigaki.escalation.EscalationPolicies;
import jp.ishigaki.incident.domain.Actor;
import jp.ishigaki.incident.domain.EscalationPolicy;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.incident.domain.IncidentChange;
import jp.ishigaki.incident.domain.ObligationRules;
import jp.ishigaki.incident.domain.OpenIncident;
import jp.ishigaki.incident.domain.Outcome;
import jp.ishigaki.schemas.notification.NotificationKind;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The incident use cases: open, run a domain command, and react to what it changed (timeline, events, notices,
 * escalation clock), all in one transaction.
 */
@ApplicationScoped
public class IncidentService {

    private final IncidentStore store;
    private final IncidentRecorder recorder;
    private final Notifier notifier;
    private final EscalationClockRepository clocks;
    private final EscalationPolicies escalation;
    private final ObligationRules obligations;
    private final Clock clock;

    public IncidentService(IncidentStore store, IncidentRecorder recorder, Notifier notifier,
                           EscalationClockRepository clocks, EscalationPolicies escalation, ObligationRules obligations,
                           Clock clock) {
        this.store = store;
        this.recorder = recorder;
        this.notifier = notifier;
        this.clocks = clocks;
        this.escalation = escalation;
        this.obligations = obligations;
        this.clock = clock;
    }

    /** The id and human number of an incident about to open. */
    public record Identity(String id, String number) {
    }

    /** A new id and number for an incident about to open. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Identity newIdentity() {
        return new Identity(UUID.randomUUID().toString(), store.nextNumber(clock.instant()));
    }

    /** Opens an incident, tells the roles of DOMAIN.md §6 at once and starts its escalation clock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Incident open(OpenIncident cmd, String actor) {
        Instant now = clock.instant();
        Outcome.Accepted opened = Incident.open(cmd, obligations, now);
        Incident incident = opened.incident();
        store.insert(incident, now);
        recorder.record(incident, opened.changes(), actor, now);
        EscalationPolicy.Step step = escalation.current()
                .initial(incident.severity(), incident.segment(), incident.legalTrigger(), now);
        if (step.notifyAt().isAfter(now)) {
            clocks.start(incident.id(), step.notifyAt(), step.level(), "NOTICE", step.roles());
            recorder.entry(incident, jp.ishigaki.schemas.incident.IncidentEvent.Type.NOTIFIED,
                    "勤務時間外のため初報は " + step.notifyAt() + " に通知", "system", now);
            return incident;
        }
        return tell(incident, step, "初報", "system", now);
    }

    /**
     * Sends the notice of a step, raises the incident to the step's level and sets its clock (or stops it).
     * Returns the incident as saved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Incident tell(Incident incident, EscalationPolicy.Step step, String why, String actor, Instant now) {
        Incident current = incident;
        if (step.level() > current.escalationLevel() || step.kind() == NotificationKind.REPEAT) {
            Outcome o = current.escalate(step.level(), why + ": " + String.join(", ", ordered(step.roles())));
            if (o instanceof Outcome.Accepted a) {
                current = a.incident();
                store.update(current, now);
                recorder.record(current, a.changes(), actor, now);
            }
        }
        notifier.notify(current, step.kind(), step.level(), step.roles(), ask(step.kind()), null, now);
        if (step.nextDueAt() != null && !current.isAcknowledged() && current.isOpen()) {
            clocks.start(current.id(), step.nextDueAt(), step.level(), "ESCALATE", nextRoles(step.level()));
        } else {
            clocks.stop(current.id());
        }
        return current;
    }

    /** Runs a domain command on the locked incident and applies its consequences; throws on a rejection. */
    @Transactional
    public Incident execute(String id, Actor actor, Function<Incident, Outcome> command) {
        Incident before = store.lock(id).orElseThrow(() -> new IncidentNotFoundException(id));
        return apply(before, command.apply(before), actor);
    }

    /** Applies an outcome of a command on {@code before} (already locked). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Incident apply(Incident before, Outcome outcome, Actor actor) {
        if (outcome instanceof Outcome.Rejected r) {
            throw new IncidentRejectedException(r.code(), r.reason());
        }
        Outcome.Accepted accepted = (Outcome.Accepted) outcome;
        Instant now = clock.instant();
        Incident after = accepted.incident();
        store.update(after, now);
        recorder.record(after, accepted.changes(), actor.name(), now);
        return react(before, after, accepted.changes(), now);
    }

    private Incident react(Incident before, Incident after, List<IncidentChange> changes, Instant now) {
        boolean acknowledged = changes.stream().anyMatch(c -> c instanceof IncidentChange.Acknowledged);
        boolean ended = before.isOpen() && !after.isOpen();
        boolean reopened = !before.isOpen() && after.isOpen();
        if (acknowledged || ended) {
            clocks.stop(after.id());
        }
        if (ended) {
            Set<String> told = new LinkedHashSet<>(EscalationPolicy.CHAIN.subList(0, Math.max(after.escalationLevel(), 1)));
            notifier.notify(after, NotificationKind.STATE_CHANGE, after.escalationLevel(), told, null, null, now);
        }
        if (reopened) {
            return restartEscalation(after, now);
        }
        boolean raised = changes.stream().anyMatch(c -> c instanceof IncidentChange.SeverityRaised);
        if (raised && after.isOpen() && !after.isAcknowledged()) {
            EscalationPolicy.Step step = escalation.current()
                    .initial(after.severity(), after.segment(), after.legalTrigger(), now);
            if (step.level() > after.escalationLevel()) {
                Set<String> newRoles = new LinkedHashSet<>(step.roles());
                newRoles.removeAll(EscalationPolicy.CHAIN.subList(0, after.escalationLevel()));
                return tell(after, new EscalationPolicy.Step(NotificationKind.ESCALATION, step.level(), newRoles, now,
                        step.nextDueAt()), "重大度の引上げ", "system", now);
            }
            var running = clocks.find(after.id());
            var interval = escalation.current().interval(after.severity());
            if (interval != null && (running.isEmpty() || running.get().dueAt().isAfter(now.plus(interval)))) {
                clocks.start(after.id(), now.plus(interval), after.escalationLevel(), "ESCALATE",
                        nextRoles(after.escalationLevel()));
            }
        }
        return after;
    }

    /**
     * A reopened incident (unacknowledged, level 0 again) is told to the roles its severity notifies at once and its
     * clock runs from there, exactly as when it opened; a rule that waits for working hours defers the notice.
     */
    private Incident restartEscalation(Incident incident, Instant now) {
        EscalationPolicy.Step step = escalation.current()
                .initial(incident.severity(), incident.segment(), incident.legalTrigger(), now);
        if (step.notifyAt().isAfter(now)) {
            clocks.start(incident.id(), step.notifyAt(), step.level(), "NOTICE", step.roles());
            recorder.entry(incident, jp.ishigaki.schemas.incident.IncidentEvent.Type.NOTIFIED,
                    "勤務時間外のため再開の通知は " + step.notifyAt() + " に通知", "system", now);
            return incident;
        }
        return tell(incident, new EscalationPolicy.Step(NotificationKind.STATE_CHANGE, step.level(), step.roles(), now,
                step.nextDueAt()), "再開", "system", now);
    }

    /** A person escalates by hand: the next level is told at once (DOMAIN.md §6 chain). */
    @Transactional
    public Incident escalateManually(String id, Actor actor, String reason) {
        Incident incident = store.lock(id).orElseThrow(() -> new IncidentNotFoundException(id));
        if (!incident.isOpen()) {
            throw new IncidentRejectedException(Outcome.Rejection.INCIDENT_TERMINAL,
                    "the incident is " + incident.state() + "; nothing to escalate");
        }
        Instant now = clock.instant();
        EscalationPolicy.Step step = escalation.current().forced(incident.severity(), incident.escalationLevel(),
                incident.isAcknowledged(), now);
        String why = "手動エスカレーション" + (reason == null || reason.isBlank() ? "" : "（" + reason.strip() + "）");
        return tell(incident, step, why, actor.name(), now);
    }

    /** Merges {@code sourceId} into {@code targetId}: the target absorbs it, the source ends as DISMISSED. */
    @Transactional
    public Incident merge(String sourceId, String targetId, Actor actor) {
        boolean sourceFirst = sourceId.compareTo(targetId) < 0;
        Incident first = store.lock(sourceFirst ? sourceId : targetId)
                .orElseThrow(() -> new IncidentNotFoundException(sourceFirst ? sourceId : targetId));
        Incident second = store.lock(sourceFirst ? targetId : sourceId)
                .orElseThrow(() -> new IncidentNotFoundException(sourceFirst ? targetId : sourceId));
        Incident source = sourceFirst ? first : second;
        Incident target = sourceFirst ? second : first;
        Instant now = clock.instant();
        Outcome absorbed = target.absorb(source, obligations, now);
        if (absorbed instanceof Outcome.Rejected r) {
            throw new IncidentRejectedException(r.code(), r.reason());
        }
        Outcome ended = source.mergeInto(target, now);
        if (ended instanceof Outcome.Rejected r) {
            throw new IncidentRejectedException(r.code(), r.reason());
        }
        apply(source, ended, actor);
        return apply(target, absorbed, actor);
    }

    static Set<String> nextRoles(int level) {
        return level < EscalationPolicy.CHAIN.size() ? Set.of(EscalationPolicy.CHAIN.get(level))
                : new LinkedHashSet<>(EscalationPolicy.CHAIN);
    }

    private static List<String> ordered(Set<String> roles) {
        return EscalationPolicy.CHAIN.stream().filter(roles::contains).toList();
    }

    static String ask(NotificationKind kind) {
        return switch (kind) {
            case NEW_INCIDENT, ESCALATION, REPEAT -> "インシデントを確認し、受領確認を行ってください";
            case DEADLINE_APPROACHING, DEADLINE_OVERDUE -> "報告義務の期限を確認し、報告または免除理由を記録してください";
            case STATE_CHANGE -> "再開されたインシデントを確認し、受領確認を行ってください";
        };
    }
}
