package jp.ishigaki.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), 0.2);

    @Test
    void shouldDoubleTheDelayAfterEachAttemptWithoutJitterAtTheMidpoint() {
        assertThat(backoff.delayAfter(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(2, () -> 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(4, () -> 0.5)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void shouldCapTheDelayAtTheMaximumEvenWithJitter() {
        assertThat(backoff.delayAfter(10, () -> 0.99)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(1_000, () -> 0.5)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldSpreadTheDelayByTheJitterFraction() {
        assertThat(backoff.delayAfter(2, () -> 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delayAfter(2, () -> 0.999_999)).isBetween(Duration.ofMillis(11_999), Duration.ofSeconds(12));
    }

    @Test
    void shouldRefuseAMaximumBelowTheBase() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(1), 0.2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
