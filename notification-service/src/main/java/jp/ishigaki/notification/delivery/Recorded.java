package jp.ishigaki.notification.delivery;

import jp.ishigaki.schemas.notification.NotificationDeadLetter;
import jp.ishigaki.schemas.notification.NotificationResult;

import java.util.Optional;

/** What a recorded attempt has to tell the world: its result, and the dead letter when it was the last one. */
public record Recorded(NotificationResult result, Optional<NotificationDeadLetter> deadLetter) {
}
