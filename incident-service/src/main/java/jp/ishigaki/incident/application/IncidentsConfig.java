package jp.ishigaki.incident.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the incident workflow. */
@ConfigMapping(prefix = "ishigaki.incidents")
public interface IncidentsConfig {

    /** Base URL of an incident in the console; the incident id is appended. */
    @WithDefault("http://localhost:8080/console/incidents/")
    String consoleUrl();

    /** Largest page the incident list returns. */
    @WithDefault("200")
    int maxPageSize();
}
