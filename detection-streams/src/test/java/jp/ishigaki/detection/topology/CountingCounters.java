package jp.ishigaki.detection.topology;

import jp.ishigaki.schemas.event.RejectReason;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Plain in-memory counters for topology tests. */
public final class CountingCounters implements PipelineCounters {

    public final AtomicLong received = new AtomicLong();
    public final AtomicLong classified = new AtomicLong();
    public final AtomicLong discarded = new AtomicLong();
    public final AtomicLong deadLettered = new AtomicLong();
    public final AtomicLong published = new AtomicLong();
    public final AtomicLong replays = new AtomicLong();
    public final AtomicLong hitsEmitted = new AtomicLong();
    public final AtomicLong hitsProcessed = new AtomicLong();
    public final AtomicLong failed = new AtomicLong();
    public final Map<String, AtomicLong> byReason = new ConcurrentHashMap<>();

    @Override
    public void received() {
        received.incrementAndGet();
    }

    @Override
    public void classified() {
        classified.incrementAndGet();
    }

    @Override
    public void discarded(String reason) {
        discarded.incrementAndGet();
        byReason.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void deadLettered(RejectReason reason) {
        deadLettered.incrementAndGet();
        byReason.computeIfAbsent(reason.name(), r -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void detectionPublished() {
        published.incrementAndGet();
    }

    @Override
    public void detectionFailed() {
        failed.incrementAndGet();
    }

    @Override
    public void replaysIgnored(long hits) {
        replays.addAndGet(hits);
    }

    @Override
    public void hitsEmitted(int hits) {
        hitsEmitted.addAndGet(hits);
    }

    @Override
    public void hitsProcessed(long hits) {
        hitsProcessed.addAndGet(hits);
    }
}
