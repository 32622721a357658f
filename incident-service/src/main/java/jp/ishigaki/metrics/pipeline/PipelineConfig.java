package jp.ishigaki.metrics.pipeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How often the pipeline's topic end offsets are sampled and how much of them is kept in memory. */
@ConfigMapping(prefix = "ishigaki.pipeline")
public interface PipelineConfig {

    /** Time between two samples of the end offsets (also how often the dashboard refreshes its figures). */
    @WithDefault("5s")
    Duration sampleInterval();

    /** How far back the in-memory ring of samples reaches (the dashboard's rate chart). */
    @WithDefault("1h")
    Duration retention();

    /** The window the current rates are averaged over. */
    @WithDefault("1m")
    Duration rateWindow();

    /** How long one sample may wait for the brokers before it is given up. */
    @WithDefault("5s")
    Duration timeout();
}
