package jp.ishigaki.incident.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much of each detection the incident keeps as evidence. */
@ConfigMapping(prefix = "ishigaki.detections")
public interface DetectionsConfig {

    /** Most sample raw events kept per detection (the first ones seen). */
    @WithDefault("5")
    int maxSamples();

    /** Largest sample kept whole, in bytes of its JSON; a larger one is kept as a marked, cut-off text. */
    @WithDefault("8192")
    int maxSampleBytes();
}
