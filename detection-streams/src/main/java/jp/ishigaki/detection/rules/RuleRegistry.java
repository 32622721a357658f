package jp.ishigaki.detection.rules;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.ishigaki.detection.config.RulesConfig;
import jp.ishigaki.detection.sigma.RuleLoader;
import jp.ishigaki.detection.sigma.RuleSet;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The rules in force. Built-in rules plus the files of {@code ishigaki.rules.dir}; the directory is scanned every
 * {@code ishigaki.rules.scan-interval} and, when a file was added, changed or removed, everything is reloaded and
 * swapped in atomically: the next record sees the new set. A periodic scan (rather than a file watcher) also works
 * on network file systems and on Kubernetes ConfigMap volumes, whose updates are symlink swaps.
 */
@ApplicationScoped
public class RuleRegistry implements Supplier<RuleSet> {

    private final RulesConfig config;
    private volatile Snapshot snapshot;
    private volatile String fingerprint = "";
    private ScheduledExecutorService scanner;

    /** The loaded rules with their rejected files and when they were loaded. */
    public record Snapshot(RuleLoader.Result result, Instant loadedAt) {
    }

    public RuleRegistry(RulesConfig config) {
        this.config = config;
        reload();
    }

    void start(@Observes StartupEvent event) {
        if (config.dir().isEmpty()) {
            return;
        }
        long millis = Math.max(200, config.scanInterval().toMillis());
        scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rule-directory-scanner");
            thread.setDaemon(true);
            return thread;
        });
        scanner.scheduleWithFixedDelay(this::scan, millis, millis, TimeUnit.MILLISECONDS);
        Log.infof("watching rule directory %s every %d ms", config.dir().get(), millis);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scanner != null) {
            scanner.shutdownNow();
        }
    }

    @Override
    public RuleSet get() {
        return snapshot.result().ruleSet();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public Path directory() {
        return config.dir().orElse(null);
    }

    /** Reloads when the directory changed; returns true when it did. */
    public boolean scan() {
        try {
            Path dir = config.dir().orElse(null);
            if (dir != null && !RuleFiles.fingerprint(dir).equals(fingerprint)) {
                reload();
                return true;
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "rule directory scan failed; the rules in force stay");
        }
        return false;
    }

    public synchronized void reload() {
        Path dir = config.dir().orElse(null);
        String print = RuleFiles.fingerprint(dir);
        List<RuleLoader.RuleFile> files = new ArrayList<>();
        if (config.builtin()) {
            files.addAll(RuleFiles.builtin());
        }
        files.addAll(RuleFiles.directory(dir));
        RuleLoader.Result result = RuleLoader.load(files);
        snapshot = new Snapshot(result, Instant.now());
        fingerprint = print;
        Log.infof("rules loaded: %d single, %d correlation, %d file(s) rejected",
                result.ruleSet().rules().size(), result.ruleSet().correlations().size(), result.rejected().size());
        result.rejected().forEach(r -> Log.warnf("rule file rejected: %s", r.message()));
    }
}
