package jp.ishigaki.notification.delivery;

import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.Recipient;

/** One attempt taken by this instance: delivery row, the attempt number it is, and what to send to whom. */
public record Claim(long deliveryId, int attempt, int maxAttempts, NotificationRequest request, Recipient recipient) {
}
