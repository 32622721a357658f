package jp.ishigaki.detection.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.ishigaki.detection.metrics.MicrometerCounters;

/**
 * The service's own pipeline counters ({@link MicrometerCounters}, Micrometer counters, which add up without the
 * stream threads contending for one memory location), read by name as {@code /q/metrics} shows them. The test
 * counters' shared {@code AtomicLong}s, incremented by both stream threads several times per event, would cost the
 * benchmark's topology what the service does not pay.
 */
final class ServiceCounters {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerCounters counters = new MicrometerCounters(registry);

    MicrometerCounters counters() {
        return counters;
    }

    long received() {
        return count("ishigaki.events.received");
    }

    long classified() {
        return count("ishigaki.events.classified");
    }

    long discarded() {
        return count("ishigaki.events.discarded");
    }

    long deadLettered() {
        return count("ishigaki.events.dead.lettered");
    }

    long hitsEmitted() {
        return count("ishigaki.rule.hits.emitted");
    }

    long hitsProcessed() {
        return count("ishigaki.rule.hits.processed");
    }

    long published() {
        return count("ishigaki.detections.published");
    }

    /** The sum over the counter's tags (discarded by reason, dead-lettered by reason). */
    private long count(String name) {
        return Math.round(registry.find(name).counters().stream().mapToDouble(Counter::count).sum());
    }
}
