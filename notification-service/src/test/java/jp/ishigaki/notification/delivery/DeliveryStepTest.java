package jp.ishigaki.notification.delivery;

import jp.ishigaki.schemas.notification.DeliveryStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryStepTest {

    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    private static Claim attempt(int n, int max) {
        return new Claim(1L, n, max, null, null);
    }

    @Test
    void shouldBeDoneWhenSent() {
        assertThat(DeliveryStep.after(attempt(3, 5), Outcome.sent(), NOW, Duration.ofSeconds(1)).status())
                .isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void shouldRetryAfterTheDelayWhileAttemptsRemain() {
        DeliveryStep step = DeliveryStep.after(attempt(4, 5), Outcome.failed("HTTP 503"), NOW, Duration.ofSeconds(7));
        assertThat(step).isEqualTo(new DeliveryStep.RetryAt(NOW.plusSeconds(7), "HTTP 503"));
        assertThat(step.status()).isEqualTo(DeliveryStatus.RETRYING);
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        assertThat(DeliveryStep.after(attempt(5, 5), Outcome.failed("HTTP 503"), NOW, Duration.ofSeconds(7)))
                .isEqualTo(new DeliveryStep.GiveUp("HTTP 503"));
    }

    @Test
    void shouldGiveUpAtOnceOnAPermanentFailure() {
        assertThat(DeliveryStep.after(attempt(1, 5), Outcome.permanentlyFailed("unknown endpoint"), NOW, Duration.ZERO))
                .isEqualTo(new DeliveryStep.GiveUp("unknown endpoint"));
    }
}
