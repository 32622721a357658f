package jp.ishigaki.contact.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Fictional sample contacts and assets for the embedded default ({@code ./ishigaki run}, dev mode). */
@ConfigMapping(prefix = "ishigaki.sample-data")
public interface SampleDataConfig {

    /** Load the samples at start-up when the contacts (or assets) are still empty. Never in production. */
    @WithDefault("false")
    boolean enabled();
}
