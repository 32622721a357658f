package jp.ishigaki.incident.application;

import jp.ishigaki.escalation.EscalationPolicies;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.ishigaki.incident.domain.EscalationPolicy;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.schemas.incident.IncidentEvent;
import jp.ishigaki.schemas.notification.Channel;
import jp.ishigaki.schemas.notification.DeliveryStatus;
import jp.ishigaki.schemas.notification.NotificationResult;
import jp.ishigaki.schemas.notification.Recipient;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Delivery outcomes on the incident timeline (「山田 課長へメール送信済み」, 「Webhook 送信失敗 (3/5)」). A notice that
 * finally failed at the incident's current level raises an unacknowledged incident to the next level.
 */
@ApplicationScoped
public class NotificationResults {

    private final EntityManager em;
    private final IncidentStore store;
    private final IncidentRecorder recorder;
    private final IncidentService incidents;
    private final EscalationPolicies policy;
    private final Clock clock;

    public NotificationResults(EntityManager em, IncidentStore store, IncidentRecorder recorder,
                               IncidentService incidents, EscalationPolicies policy, Clock clock) {
        this.em = em;
        this.store = store;
        this.recorder = recorder;
        this.incidents = incidents;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(NotificationResult result) {
        Instant now = clock.instant();
        int first = em.createNativeQuery("""
                        INSERT IGNORE INTO processed_notification_result (result_id, incident_id, processed_at)
                        VALUES (?1, ?2, ?3)""")
                .setParameter(1, result.id()).setParameter(2, result.incidentId()).setParameter(3, now).executeUpdate();
        if (first == 0) {
            return;
        }
        Optional<Incident> locked = store.lock(result.incidentId());
        if (locked.isEmpty()) {
            Log.warnf("notification result %s for unknown incident %s", result.id(), result.incidentId());
            return;
        }
        Incident incident = locked.get();
        recorder.entry(incident, IncidentEvent.Type.NOTIFIED, text(result), "notification-service", now);
        boolean atCurrentLevel = result.level() >= incident.escalationLevel();
        if (result.status() == DeliveryStatus.FAILED && incident.isOpen() && !incident.isAcknowledged() && atCurrentLevel) {
            EscalationPolicy.Step step = policy.current()
                    .forced(incident.severity(), incident.escalationLevel(), false, now);
            incidents.tell(incident, step, "通知の最終失敗（" + who(result.recipient()) + "）", "system", now);
        }
    }

    static String text(NotificationResult r) {
        String channel = r.recipient() != null && r.recipient().channel() == Channel.WEBHOOK ? "Webhook" : "メール";
        return switch (r.status()) {
            case SENT -> who(r.recipient()) + "へ" + channel + "送信済み";
            case RETRYING -> channel + " 送信失敗 (" + r.attempt() + "/" + r.maxAttempts() + ")" + to(r.recipient())
                    + error(r.error());
            case FAILED -> channel + " 送信失敗 (" + r.attempt() + "/" + r.maxAttempts() + ")" + to(r.recipient())
                    + " — 最終失敗" + error(r.error());
        };
    }

    private static String who(Recipient recipient) {
        if (recipient == null) {
            return "宛先不明";
        }
        return recipient.name() + (recipient.deputyFor() == null ? "" : "（代理）");
    }

    private static String to(Recipient recipient) {
        return recipient == null ? "" : " 宛先: " + who(recipient);
    }

    private static String error(String error) {
        return error == null || error.isBlank() ? "" : "：" + (error.length() > 200 ? error.substring(0, 200) : error);
    }
}
