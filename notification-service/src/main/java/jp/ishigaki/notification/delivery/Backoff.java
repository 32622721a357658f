package jp.ishigaki.notification.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Exponential backoff with jitter: the delay after attempt n is base·2^(n−1), capped, spread by ±jitter. */
public record Backoff(Duration base, Duration max, double jitter) {

    public Backoff {
        if (base.isNegative() || max.compareTo(base) < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("backoff needs 0 <= base <= max and 0 <= jitter < 1");
        }
    }

    /**
     * The delay before the attempt that follows attempt {@code attempt} (1-based). {@code random} yields values in
     * [0, 1); the result never exceeds {@code max}.
     */
    public Duration delayAfter(int attempt, DoubleSupplier random) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        double exponential = Math.min((double) max.toMillis(), base.toMillis() * Math.pow(2, doublings));
        double spread = 1 - jitter + 2 * jitter * random.getAsDouble();
        return Duration.ofMillis(Math.round(Math.min(max.toMillis(), exponential * spread)));
    }
}
