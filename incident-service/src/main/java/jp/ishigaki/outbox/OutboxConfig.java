package jp.ishigaki.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox relay. */
@ConfigMapping(prefix = "ishigaki.outbox")
public interface OutboxConfig {

    /** How often the relay looks for pending rows besides being woken by each commit (at least 1s). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most rows one relay pass locks and publishes. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before retrying it later. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** How long published rows are kept before they are deleted. */
    @WithDefault("P1D")
    Duration retention();
}
