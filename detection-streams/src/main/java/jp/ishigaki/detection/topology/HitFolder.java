package jp.ishigaki.detection.topology;

import jp.ishigaki.detection.detect.RuleHit;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Flood control before the repartition: a single rule's hits of one dedup key are folded into one hit that carries
 * its {@link jp.ishigaki.detection.detect.Repeats}, and the folds are sent on once the task's hits pause for a fifth
 * of {@code interval} (wall clock), and at least every {@code interval} while they keep coming — a flood crosses the
 * repartition topic and the dedup store as a few records instead of one per event, and a lone event's detection does
 * not wait for the interval. Correlation hits pass at once: a correlation needs each event's time and value.
 * <p>
 * The folds live in the {@link FoldStore} {@code hit-folds}, whose changelog holds at each commit the folds not yet
 * sent: after a crash or a rebalance the task that takes over sends them on. A hit {@code span} or more (event
 * time) away from its fold's first hit, or beyond {@value #MAX_PENDING} folds, sends that fold at once, so a fold's
 * events lie within {@code span} of its first. A replay of an event already in the fold is counted here, not again.
 * Each punctuation that sent folds requests a commit, so that they reach the detect side without waiting for the
 * next commit interval.
 */
final class HitFolder implements Processor<String, RuleHit, String, RuleHit> {

    static final String STORE = "hit-folds";
    static final int MAX_PENDING = 10_000;
    /** The punctuation looks at the folds ten times an interval; two looks without a hit in between send them. */
    static final int TICKS_PER_INTERVAL = 10;
    static final int QUIET_TICKS = 2;

    private final Duration interval;
    private final long spanMs;
    private final PipelineCounters counters;
    private ProcessorContext<String, RuleHit> context;
    private FoldStore folds;
    /** Wall clock: the last hit folded, the last look that sent (or found nothing to send). */
    private long lastHitMs;
    private long lastSentMs;

    HitFolder(Duration interval, Duration span, PipelineCounters counters) {
        this.interval = interval;
        this.spanMs = span.toMillis();
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, RuleHit> context) {
        this.context = context;
        this.folds = context.getStateStore(STORE);
        lastSentMs = context.currentSystemTimeMs();
        context.schedule(Duration.ofMillis(tickMs()), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, RuleHit> record) {
        RuleHit hit = record.value();
        if (hit.correlationId() != null) {
            context.forward(record);
            return;
        }
        lastHitMs = context.currentSystemTimeMs();
        String key = hit.dedupKey();
        Fold fold = folds.get(key);
        if (fold != null && Math.abs(hit.timestamp().toEpochMilli() - fold.timestampMs()) >= spanMs) {
            send(key, fold);
            fold = null;
        }
        if (fold == null) {
            Map<String, Fold> pending = folds.folds();
            if (pending.size() >= MAX_PENDING) {
                Map.Entry<String, Fold> eldest = pending.entrySet().iterator().next();
                send(eldest.getKey(), eldest.getValue());
            }
            folds.put(key, Fold.of(hit));
        } else if (fold.includes(hit.eventId())) {
            counters.replaysIgnored(1);
            counters.hitsProcessed(1);
        } else {
            fold.add(hit);
            folds.changed(key);
        }
    }

    private void send(String key, Fold fold) {
        folds.remove(key);
        RuleHit hit = fold.hit();
        context.forward(new Record<>(hit.partitionKey(), hit, fold.timestampMs()));
    }

    /**
     * The wall-clock punctuation: sends the folds when no hit came for {@value #QUIET_TICKS} ticks (the input paused:
     * no repeat is on its way to fold in), or when an interval went by since the last send (a flood that does not
     * pause is still sent on every interval).
     */
    void tick(long nowMs) {
        if (nowMs - lastHitMs >= QUIET_TICKS * tickMs() || nowMs - lastSentMs >= interval.toMillis()) {
            lastSentMs = nowMs;
            sendAll();
        }
    }

    /** A tenth of the interval; a millisecond at least (the shortest punctuation interval). */
    private long tickMs() {
        return Math.max(1, interval.toMillis() / TICKS_PER_INTERVAL);
    }

    /** Sends every fold and asks for a commit. */
    void sendAll() {
        if (folds.folds().isEmpty()) {
            return;
        }
        for (Map.Entry<String, Fold> fold : List.copyOf(folds.folds().entrySet())) {
            send(fold.getKey(), fold.getValue());
        }
        // Committed now rather than at the next commit interval: the folds become readable downstream (read_committed)
        // at once, so a detection does not wait for a commit interval on top (measured in session 8: the detect side
        // finished 0.2-0.9 s after the last event instead of 0.6-1.9 s; no more CPU per event).
        context.commit();
    }
}
