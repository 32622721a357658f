package jp.ishigaki.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How hard the service tries: attempts, backoff, timeouts and the dispatcher's pace. */
@ConfigMapping(prefix = "ishigaki.delivery")
public interface DeliveryConfig {

    /** Attempts per recipient before the notice is dead-lettered (the first send counts as attempt 1). */
    @WithDefault("6")
    int maxAttempts();

    /** Delay before the second attempt; each later attempt doubles it. */
    @WithDefault("5s")
    Duration baseDelay();

    /** Upper bound of the delay between two attempts. */
    @WithDefault("5m")
    Duration maxDelay();

    /** Random spread applied to each delay, as a fraction (0.2 = ±20 %), so that retries do not march in step. */
    @WithDefault("0.2")
    double jitter();

    /** How long one send may take (SMTP or webhook) before it counts as failed. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** How often the dispatcher looks for due attempts when nothing wakes it earlier. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Parallel sends of one instance. */
    @WithDefault("8")
    int concurrency();

    /** Most attempts claimed in one database round trip. */
    @WithDefault("32")
    int batchSize();
}
