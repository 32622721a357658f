package jp.ishigaki.detection.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.detection.topology.PipelineCounters;
import jp.ishigaki.schemas.event.RejectReason;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline counters in Micrometer (Prometheus at {@code /q/metrics}): {@code ishigaki_events_received_total} =
 * {@code ishigaki_events_classified_total} + {@code ishigaki_events_discarded_total} (by reason: {@code no_rule},
 * {@code discard_rule}) + {@code ishigaki_events_dead_lettered_total} (by reason). Counts are of processing
 * attempts: after a crash, records re-processed under exactly-once are counted again.
 */
@ApplicationScoped
public class MicrometerCounters implements PipelineCounters {

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter classified;
    private final Counter published;
    private final Counter failed;
    private final Counter replays;
    private final Counter hitsEmitted;
    private final Counter hitsProcessed;
    private final Map<String, Counter> discarded = new ConcurrentHashMap<>();
    private final Map<RejectReason, Counter> deadLettered = new ConcurrentHashMap<>();

    public MicrometerCounters(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder("ishigaki.events.received").description("raw records read").register(registry);
        this.classified = Counter.builder("ishigaki.events.classified").description("events matched by at least one rule")
                .register(registry);
        this.published = Counter.builder("ishigaki.detections.published").description("detections and updates published")
                .register(registry);
        this.hitsEmitted = Counter.builder("ishigaki.rule.hits.emitted")
                .description("rule hits sent from classification to dedup and correlation").register(registry);
        this.hitsProcessed = Counter.builder("ishigaki.rule.hits.processed")
                .description("rule hits taken through dedup and correlation").register(registry);
        this.replays = Counter.builder("ishigaki.detections.replays.ignored")
                .description("rule hits of events already counted in their detection").register(registry);
        this.failed = Counter.builder("ishigaki.detections.failed").description("rule hits that failed in dedup/correlation")
                .register(registry);
        discardedInit("no_rule");
        discardedInit("discard_rule");
        for (RejectReason reason : RejectReason.values()) {
            deadLettered.put(reason, Counter.builder("ishigaki.events.dead.lettered").tag("reason", reason.name())
                    .description("records sent to the dead-letter topic").register(registry));
        }
    }

    @Override
    public void received() {
        received.increment();
    }

    @Override
    public void classified() {
        classified.increment();
    }

    @Override
    public void discarded(String reason) {
        discardedInit(reason).increment();
    }

    private Counter discardedInit(String reason) {
        return discarded.computeIfAbsent(reason, r -> Counter.builder("ishigaki.events.discarded").tag("reason", r)
                .description("events discarded explicitly (no rule matched, or a discard rule)").register(registry));
    }

    @Override
    public void deadLettered(RejectReason reason) {
        deadLettered.get(reason).increment();
    }

    @Override
    public void detectionPublished() {
        published.increment();
    }

    @Override
    public void detectionFailed() {
        failed.increment();
    }

    @Override
    public void replaysIgnored(long hits) {
        replays.increment(hits);
    }

    @Override
    public void hitsEmitted(int hits) {
        hitsEmitted.increment(hits);
    }

    @Override
    public void hitsProcessed(long hits) {
        hitsProcessed.increment(hits);
    }
}
