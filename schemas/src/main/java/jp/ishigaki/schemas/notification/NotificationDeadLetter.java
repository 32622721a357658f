package jp.ishigaki.schemas.notification;

import java.time.Instant;

/**
 * A notice that could not be delivered after the last attempt: the value of {@code notification.dlq}.
 * A record of {@code notification.requests} that could not even be read (a poison message) is dead-lettered with
 * {@code request} and {@code recipient} absent, {@code attempts} 0, its origin in {@code source}
 * ({@code topic-partition@offset}) and its bytes as text in {@code rawValue}.
 */
public record NotificationDeadLetter(
        NotificationRequest request,
        Recipient recipient,
        int attempts,
        String lastError,
        Instant failedAt,
        String source,
        String rawValue) {

    /** A notice that failed every delivery attempt. */
    public NotificationDeadLetter(NotificationRequest request, Recipient recipient, int attempts, String lastError,
                                  Instant failedAt) {
        this(request, recipient, attempts, lastError, failedAt, null, null);
    }

    /** A record of {@code notification.requests} that is not a readable request. */
    public static NotificationDeadLetter unreadable(String source, String rawValue, String reason, Instant failedAt) {
        return new NotificationDeadLetter(null, null, 0, reason, failedAt, source, rawValue);
    }
}
