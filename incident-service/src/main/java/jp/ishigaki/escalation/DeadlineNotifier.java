package jp.ishigaki.escalation;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jp.ishigaki.incident.application.IncidentRecorder;
import jp.ishigaki.incident.application.IncidentStore;
import jp.ishigaki.incident.application.Notifier;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.incident.domain.ObligationRules;
import jp.ishigaki.incident.domain.Task;
import jp.ishigaki.schemas.incident.IncidentEvent;
import jp.ishigaki.schemas.notification.NotificationKind;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Warns the responsible role when a task deadline (reporting obligations above all) is near, and again when it has
 * passed; each warning is sent once (flags on the task row, set in the transaction that writes the notice).
 */
@ApplicationScoped
public class DeadlineNotifier {

    private static final DateTimeFormatter JST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private final EntityManager em;
    private final IncidentStore store;
    private final Notifier notifier;
    private final IncidentRecorder recorder;
    private final ObligationRules rules;
    private final Clock clock;

    public DeadlineNotifier(EntityManager em, IncidentStore store, Notifier notifier, IncidentRecorder recorder,
                            ObligationRules rules, Clock clock) {
        this.em = em;
        this.store = store;
        this.notifier = notifier;
        this.recorder = recorder;
        this.rules = rules;
        this.clock = clock;
    }

    @Scheduled(every = "${ishigaki.obligations.scan-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        try {
            check();
        } catch (RuntimeException e) {
            Log.warnf("deadline scan failed, will retry: %s", e.getMessage());
        }
    }

    /** Sends the warnings due now; returns how many were sent. */
    public int check() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT incident_id, code FROM incident_task
                        WHERE status = 'OPEN' AND due_at IS NOT NULL
                          AND ((warned_overdue = FALSE AND due_at <= ?1) OR (warned_approaching = FALSE AND due_at <= ?2))
                        ORDER BY due_at LIMIT 200""")
                .setParameter(1, now).setParameter(2, now.plus(rules.approachingWarning())).getResultList());
        int sent = 0;
        for (Object[] row : due) {
            if (QuarkusTransaction.requiringNew().call(() -> warn((String) row[0], (String) row[1], clock.instant()))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean warn(String incidentId, String code, Instant now) {
        Optional<Incident> locked = store.lockIfFree(incidentId);
        if (locked.isEmpty() || !locked.get().isOpen()) {
            return false;
        }
        Incident incident = locked.get();
        Object[] flags = (Object[]) em.createNativeQuery("""
                        SELECT warned_approaching, warned_overdue FROM incident_task
                        WHERE incident_id = ?1 AND code = ?2 AND status = 'OPEN' FOR UPDATE""")
                .setParameter(1, incidentId).setParameter(2, code).getResultStream().findFirst().orElse(null);
        Task task = incident.task(code);
        if (flags == null || task == null || task.dueAt() == null) {
            return false;
        }
        boolean overdue = !task.dueAt().isAfter(now);
        boolean warnedApproaching = asBoolean(flags[0]);
        boolean warnedOverdue = asBoolean(flags[1]);
        if (overdue ? warnedOverdue : warnedApproaching) {
            return false;
        }
        NotificationKind kind = overdue ? NotificationKind.DEADLINE_OVERDUE : NotificationKind.DEADLINE_APPROACHING;
        em.createNativeQuery("UPDATE incident_task SET warned_approaching = TRUE, warned_overdue = ?1 "
                        + "WHERE incident_id = ?2 AND code = ?3")
                .setParameter(1, overdue || warnedOverdue).setParameter(2, incidentId).setParameter(3, code).executeUpdate();
        recorder.entry(incident, IncidentEvent.Type.TASK_UPDATED, (overdue ? "期限超過: " : "期限が近づいています: ")
                + task.title() + "（期限 " + JST.format(task.dueAt()) + " JST, 担当 " + task.responsibleRole() + "）", "system", now);
        String role = task.responsibleRole() == null ? "supervisor" : task.responsibleRole();
        notifier.notify(incident, kind, Math.max(incident.escalationLevel(), 1), Set.of(role),
                task.title() + " を期限までに行うか、行わない理由を記録してください", task.dueAt(), now);
        return true;
    }

    private static boolean asBoolean(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }
}
