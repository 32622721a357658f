package jp.ishigaki.schemas.notification;

import java.time.Instant;

/** The outcome of one delivery attempt to one recipient: the value of {@code notification.results}. */
public record NotificationResult(
        String id,
        String notificationId,
        String incidentId,
        NotificationKind kind,
        int level,
        Recipient recipient,
        DeliveryStatus status,
        int attempt,
        int maxAttempts,
        String error,
        Instant at) {
}
