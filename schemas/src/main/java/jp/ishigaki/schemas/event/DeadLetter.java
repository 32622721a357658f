package jp.ishigaki.schemas.event;

import java.time.Instant;

/**
 * A record that could not be processed, with a machine-readable reason: the value of {@code security.events.dlq}.
 * The original value is kept as text when it is valid UTF-8, otherwise base64, so nothing is lost and a fixed
 * record can be replayed.
 */
public record DeadLetter(
        RejectReason reason,
        String detail,
        String sourceTopic,
        int partition,
        long offset,
        Instant rejectedAt,
        String key,
        String value,
        String valueBase64) {
}
