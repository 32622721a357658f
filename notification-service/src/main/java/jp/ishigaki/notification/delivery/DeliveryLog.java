package jp.ishigaki.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.ishigaki.schemas.notification.NotificationDeadLetter;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.NotificationResult;
import jp.ishigaki.schemas.notification.Recipient;
import jp.ishigaki.schemas.topic.Json;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The delivery log in MariaDB: accepts notices idempotently, hands out due attempts to one instance at a time
 * ({@code FOR UPDATE SKIP LOCKED}) and records each attempt's outcome with the next step of the schedule.
 */
@ApplicationScoped
public class DeliveryLog {

    private static final int MAX_ERROR = 2000;

    private final EntityManager em;

    public DeliveryLog(EntityManager em) {
        this.em = em;
    }

    /** Logs the recipients of several requests in one transaction; returns the rows added. */
    @Transactional
    public int accept(List<NotificationRequest> requests, int maxAttempts, Instant now) {
        int added = 0;
        for (NotificationRequest request : requests) {
            added += accept(request, maxAttempts, now);
        }
        return added;
    }

    /** Logs one row per recipient, due at once; a request seen before adds nothing. Returns the rows added. */
    @Transactional
    public int accept(NotificationRequest request, int maxAttempts, Instant now) {
        String json = toJson(request);
        int added = 0;
        for (int i = 0; i < request.recipients().size(); i++) {
            Recipient recipient = request.recipients().get(i);
            added += em.createNativeQuery("""
                            INSERT INTO delivery (notification_id, recipient_key, incident_id, channel, address,
                                recipient_index, request_json, status, attempts, max_attempts, due_at, next_attempt_at,
                                created_at, updated_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', 0, ?8, ?9, ?10, ?10, ?10)
                            ON DUPLICATE KEY UPDATE id = id""")
                    .setParameter(1, request.id())
                    .setParameter(2, RecipientKey.of(recipient))
                    .setParameter(3, request.incidentId())
                    .setParameter(4, recipient.channel().name())
                    .setParameter(5, recipient.address())
                    .setParameter(6, i)
                    .setParameter(7, json)
                    .setParameter(8, maxAttempts)
                    .setParameter(9, utc(request.requestedAt() == null ? now : request.requestedAt()))
                    .setParameter(10, utc(now))
                    .executeUpdate() == 1 ? 1 : 0;
        }
        return added;
    }

    /**
     * Takes up to {@code limit} due attempts for this instance: each counts as attempt n+1 and is hidden from other
     * instances for {@code lease}; if this instance dies before recording the outcome, the attempt becomes due again.
     */
    @Transactional
    public List<Claim> claimDue(int limit, Duration lease, Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        SELECT id FROM delivery
                        WHERE status = 'PENDING' AND next_attempt_at <= ?1
                        ORDER BY next_attempt_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED""")
                .setParameter(1, utc(now))
                .setParameter(2, limit)
                .getResultList();
        List<Claim> claims = new ArrayList<>(ids.size());
        for (Number id : ids) {
            Delivery delivery = em.find(Delivery.class, id.longValue());
            delivery.attempts++;
            delivery.nextAttemptAt = now.plus(lease);
            delivery.updatedAt = now;
            try {
                NotificationRequest request = Json.mapper().readValue(delivery.requestJson, NotificationRequest.class);
                claims.add(new Claim(delivery.id, delivery.attempts, delivery.maxAttempts, request,
                        request.recipients().get(delivery.recipientIndex)));
            } catch (JsonProcessingException | IndexOutOfBoundsException e) {
                // A damaged row must not stall the schedule of every other row: set it aside for an operator.
                Log.errorf("delivery %d holds an unreadable notice and is set aside as FAILED: %s", delivery.id,
                        e.getMessage());
                delivery.status = Delivery.Status.FAILED;
                delivery.lastError = truncate("unreadable delivery row: " + e.getMessage());
            }
        }
        return claims;
    }

    /**
     * Records the outcome of a claimed attempt and schedules what follows. Empty when the claim is stale (its lease
     * ran out and another attempt has been taken since), so nothing is reported twice.
     */
    @Transactional
    public Optional<Recorded> record(Claim claim, DeliveryStep step, Instant now) {
        Delivery delivery = em.find(Delivery.class, claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.status != Delivery.Status.PENDING || delivery.attempts != claim.attempt()) {
            return Optional.empty();
        }
        String error = null;
        if (step instanceof DeliveryStep.Done) {
            delivery.status = Delivery.Status.SENT;
            delivery.sentAt = now;
        } else if (step instanceof DeliveryStep.RetryAt retry) {
            delivery.nextAttemptAt = retry.at();
            error = truncate(retry.error());
        } else if (step instanceof DeliveryStep.GiveUp giveUp) {
            delivery.status = Delivery.Status.FAILED;
            error = truncate(giveUp.error());
        }
        delivery.lastError = error;
        delivery.updatedAt = now;

        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attempt = claim.attempt();
        attempt.status = step.status().name();
        attempt.error = error;
        attempt.at = now;
        attempt.persist();

        NotificationRequest request = claim.request();
        NotificationResult result = new NotificationResult(
                request.id() + "/" + delivery.recipientKey.substring(0, 16) + "/" + claim.attempt(),
                request.id(), request.incidentId(), request.kind(), request.level(), claim.recipient(),
                step.status(), claim.attempt(), claim.maxAttempts(), error, now);
        Optional<NotificationDeadLetter> deadLetter = step instanceof DeliveryStep.GiveUp
                ? Optional.of(new NotificationDeadLetter(request, claim.recipient(), claim.attempt(), error, now))
                : Optional.empty();
        return Optional.of(new Recorded(result, deadLetter));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String truncate(String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }

    private static String toJson(NotificationRequest request) {
        try {
            return Json.mapper().writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store notice " + request.id(), e);
        }
    }
}
