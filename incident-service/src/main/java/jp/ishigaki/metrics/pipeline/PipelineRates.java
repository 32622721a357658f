package jp.ishigaki.metrics.pipeline;

import jp.ishigaki.schemas.topic.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A bounded ring of end-offset samples and the rates derived from them: events, detections and dead letters per
 * second, and the dead-letter rate (dead letters / raw events) of any interval. Not thread-safe on its own.
 */
public final class PipelineRates {

    static final String RAW = Topics.EVENTS_RAW.name();
    static final String DETECTIONS = Topics.DETECTIONS.name();
    static final String DLQ = Topics.EVENTS_DLQ.name();
    static final String NOTIFICATION_DLQ = Topics.NOTIFICATION_DLQ.name();

    /** The sampled topics, in the order the API lists them. */
    public static final List<String> TOPICS = List.of(RAW, DETECTIONS, DLQ, NOTIFICATION_DLQ);

    /**
     * Records added between two samples and the rates they make. {@code deadLetterRate} is dead letters / raw events
     * (null when no raw event arrived).
     */
    public record Interval(Instant from, Instant to, double seconds, long events, long detections, long deadLetters,
                           long notificationDeadLetters, double eventsPerSecond, double detectionsPerSecond,
                           double deadLettersPerSecond, double notificationDeadLettersPerSecond,
                           Double deadLetterRate) {

        static Interval between(PipelineSample a, PipelineSample b) {
            double s = Math.max(0.001, Duration.between(a.at(), b.at()).toMillis() / 1000.0);
            long events = b.since(a, RAW);
            long detections = b.since(a, DETECTIONS);
            long dead = b.since(a, DLQ);
            long notification = b.since(a, NOTIFICATION_DLQ);
            return new Interval(a.at(), b.at(), s, events, detections, dead, notification, round(events / s),
                    round(detections / s), round(dead / s), round(notification / s),
                    events == 0 ? null : Math.round(dead * 10_000.0 / events) / 10_000.0);
        }
    }

    /**
     * What the API and the dashboard show: the end offsets of the last sample, the rates over the rate window and
     * over the last sample interval, and one interval per pair of consecutive samples (oldest first).
     */
    public record Snapshot(Instant sampledAt, long intervalSeconds, long windowSeconds, Map<String, Long> endOffsets,
                           Interval window, Interval latest, List<Interval> series) {
    }

    private static final int MIN_CAPACITY = 64;

    private final Deque<PipelineSample> ring = new ArrayDeque<>();
    private final Duration retention;
    private final int capacity;

    public PipelineRates(Duration interval, Duration retention) {
        this.retention = retention;
        // the retention trims by time; the capacity only guards memory (and leaves room for samples taken on demand)
        long n = retention.toMillis() / Math.max(1, interval.toMillis()) + 2;
        this.capacity = (int) Math.min(10_000, Math.max(MIN_CAPACITY, n));
    }

    /** Adds a sample and drops those older than the retention (and beyond the ring's capacity). */
    public void add(PipelineSample sample) {
        PipelineSample last = ring.peekLast();
        if (last != null && !sample.at().isAfter(last.at())) {
            return;
        }
        ring.addLast(sample);
        Instant oldest = sample.at().minus(retention);
        while (ring.size() > capacity || (ring.size() > 2 && ring.peekFirst().at().isBefore(oldest))) {
            ring.removeFirst();
        }
    }

    public int size() {
        return ring.size();
    }

    /** The figures now; intervals are null until two samples exist. */
    public Snapshot snapshot(Duration interval, Duration window) {
        List<PipelineSample> samples = List.copyOf(ring);
        if (samples.isEmpty()) {
            return new Snapshot(null, interval.toSeconds(), window.toSeconds(), Map.of(), null, null, List.of());
        }
        PipelineSample last = samples.get(samples.size() - 1);
        List<Interval> series = new ArrayList<>(samples.size());
        for (int i = 1; i < samples.size(); i++) {
            series.add(Interval.between(samples.get(i - 1), samples.get(i)));
        }
        Interval latest = series.isEmpty() ? null : series.get(series.size() - 1);
        Interval overWindow = null;
        Instant start = last.at().minus(window);
        for (PipelineSample s : samples) {
            if (s != last && !s.at().isBefore(start)) {
                overWindow = Interval.between(s, last);
                break;
            }
        }
        if (overWindow == null) {
            overWindow = latest;
        }
        return new Snapshot(last.at(), interval.toSeconds(), window.toSeconds(), last.endOffsets(), overWindow, latest,
                series);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
