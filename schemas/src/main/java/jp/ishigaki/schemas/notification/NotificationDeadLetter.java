package jp.ishigaki.schemas.notification;

import java.time.Instant;

/** A notice that could not be delivered after the last attempt: the value of {@code notification.dlq}. */
public record NotificationDeadLetter(
        NotificationRequest request,
        Recipient recipient,
        int attempts,
        String lastError,
        Instant failedAt) {
}
