package jp.ishigaki.detection.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where rules come from and how changes are picked up. */
@ConfigMapping(prefix = "ishigaki.rules")
public interface RulesConfig {

    /** Directory of operator rule files (*.yml, *.yaml, searched recursively); a rule there overrides a built-in rule with the same id. */
    Optional<Path> dir();

    /** How often the directory is scanned for added, changed or removed files (hot reload). */
    @WithDefault("5s")
    Duration scanInterval();

    /**
     * The bearer token {@code GET /api/rules} requires ({@code ISHIGAKI_RULES_API_TOKEN}); without one the endpoint
     * refuses every request. The rule set tells an intruder what is watched, so it is never open.
     */
    Optional<String> apiToken();

    /** Whether the built-in rule set shipped with the product is loaded. */
    @WithDefault("true")
    boolean builtin();
}
