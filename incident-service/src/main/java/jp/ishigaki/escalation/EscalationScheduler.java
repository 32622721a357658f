package jp.ishigaki.escalation;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.incident.application.IncidentService;
import jp.ishigaki.incident.application.IncidentStore;
import jp.ishigaki.incident.domain.EscalationPolicy;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.schemas.notification.NotificationKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fires due escalation clocks. Each clock is handled in its own transaction that locks the incident (skipping it when
 * another replica or a person holds it), re-reads the clock with {@code FOR UPDATE SKIP LOCKED}, sends the notice
 * through the outbox and moves or stops the clock: a restart loses nothing, and no clock fires twice.
 */
@ApplicationScoped
public class EscalationScheduler {

    private final EscalationClockRepository clocks;
    private final IncidentStore store;
    private final IncidentService incidents;
    private final EscalationPolicies policy;
    private final EscalationConfig config;
    private final Clock clock;
    private final MeterRegistry registry;

    public EscalationScheduler(EscalationClockRepository clocks, IncidentStore store, IncidentService incidents,
                               EscalationPolicies policy, EscalationConfig config, Clock clock, MeterRegistry registry) {
        this.clocks = clocks;
        this.store = store;
        this.incidents = incidents;
        this.policy = policy;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    @Scheduled(every = "${ishigaki.escalation.scan-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            Log.warnf("escalation scan failed, will retry: %s", e.getMessage());
        }
    }

    /** Fires every clock due now; returns how many fired. */
    public int fireDue() {
        Instant now = clock.instant();
        List<String> due = QuarkusTransaction.requiringNew().call(() -> clocks.due(now, config.batchSize()));
        int fired = 0;
        for (String incidentId : due) {
            if (QuarkusTransaction.requiringNew().call(() -> fire(incidentId, clock.instant()))) {
                fired++;
            }
        }
        return fired;
    }

    private boolean fire(String incidentId, Instant now) {
        Optional<Incident> locked = store.lockIfFree(incidentId);
        if (locked.isEmpty()) {
            return false;
        }
        Optional<EscalationClockRepository.ClockRow> row = clocks.lockIfDue(incidentId, now);
        if (row.isEmpty()) {
            return false;
        }
        Incident incident = locked.get();
        EscalationClockRepository.ClockRow c = row.get();
        if (!incident.isOpen() || incident.isAcknowledged()) {
            clocks.stop(incidentId);
            return false;
        }
        EscalationPolicy.Step step;
        String why;
        if ("NOTICE".equals(c.kind())) {
            Duration interval = policy.current().interval(incident.severity());
            step = new EscalationPolicy.Step(NotificationKind.NEW_INCIDENT, c.level(), c.roles(), now,
                    interval == null ? null : now.plus(interval));
            why = "初報（勤務時間内）";
        } else {
            step = policy.current().onDue(incident.severity(), incident.escalationLevel(), now);
            if (step == null) {
                clocks.stop(incidentId);
                return false;
            }
            why = step.kind() == NotificationKind.REPEAT ? "未受領のため再通知" : "未受領のまま期限超過";
        }
        incidents.tell(incident, step, why, "system", now);
        registry.counter("ishigaki.escalations.fired", "kind", step.kind().name()).increment();
        Log.infof("%s: %s level %d → %s", incident.number(), step.kind(), step.level(), step.roles());
        return true;
    }
}
