package jp.ishigaki.detection.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;

/**
 * {@code -Dbench.trace=true}: a round's progress every 250 ms — the round's events received, rule hits emitted
 * and through detect (since the topology's start), and each stream thread's CPU seconds — to see stalls, idle threads and the detect side's lag.
 */
final class RunTrace {

    private static final long TICK_NANOS = 250_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String applicationId;
    private final ServiceCounters counters;
    private final long started;
    private final long receivedBefore;
    private long tick = -1;

    RunTrace(String applicationId, ServiceCounters counters, long started, long receivedBefore) {
        this.applicationId = applicationId;
        this.counters = counters;
        this.started = started;
        this.receivedBefore = receivedBefore;
    }

    void maybePrint() {
        long now = (System.nanoTime() - started) / TICK_NANOS;
        if (now == tick) {
            return;
        }
        tick = now;
        StringBuilder threads = new StringBuilder();
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(applicationId) && t.getName().matches(".*StreamThread-\\d+"))
                .sorted(Comparator.comparing(Thread::getName))
                .forEach(t -> threads.append(String.format(" %s %.2f s", t.getName().substring(t.getName().lastIndexOf('-') + 1),
                        THREADS.getThreadCpuTime(t.getId()) / 1e9)));
        System.out.printf("    %5.2f s: %,9d received, %,8d hits emitted, %,8d through detect; stream thread CPU:%s%n",
                tick * TICK_NANOS / 1e9, counters.received() - receivedBefore, counters.hitsEmitted(),
                counters.hitsProcessed(), threads);
    }
}
