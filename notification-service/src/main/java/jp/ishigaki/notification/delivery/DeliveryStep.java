package jp.ishigaki.notification.delivery;

import jp.ishigaki.schemas.notification.DeliveryStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * The retry policy as a pure function: from an attempt's outcome to the next step (sent, retry at a time, or
 * dead-letter).
 */
public sealed interface DeliveryStep {

    /** The status reported on {@code notification.results} for this step. */
    DeliveryStatus status();

    record Done() implements DeliveryStep {
        @Override
        public DeliveryStatus status() {
            return DeliveryStatus.SENT;
        }
    }

    record RetryAt(Instant at, String error) implements DeliveryStep {
        @Override
        public DeliveryStatus status() {
            return DeliveryStatus.RETRYING;
        }
    }

    record GiveUp(String error) implements DeliveryStep {
        @Override
        public DeliveryStatus status() {
            return DeliveryStatus.FAILED;
        }
    }

    static DeliveryStep after(Claim claim, Outcome outcome, Instant now, Duration delay) {
        if (outcome instanceof Outcome.Failed failed) {
            return failed.permanent() || claim.attempt() >= claim.maxAttempts()
                    ? new GiveUp(failed.error())
                    : new RetryAt(now.plus(delay), failed.error());
        }
        return new Done();
    }
}
