package jp.ishigaki.detection.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a run's CPU went, by kind of thread: the Java threads a Kafka Streams application started (named after its
 * application id), the JIT compiler and garbage collector threads of this JVM (from {@code /proc}, where they are
 * visible by name; absent elsewhere), and the broker's process.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long TICK_NANOS = 10_000_000L;

    private ThreadCpu() {
    }

    /** CPU nanoseconds of this JVM's compiler and collector threads so far. */
    static Map<String, Long> runtimeThreads() {
        Map<String, Long> cpu = new LinkedHashMap<>(Map.of("JIT compiler", 0L, "GC", 0L));
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long nanos = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
                    String kind = comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? "JIT compiler"
                            : comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? "GC" : null;
                    if (kind != null) {
                        cpu.merge(kind, nanos, Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // a thread that ended while being read
                }
            });
        } catch (IOException e) {
            // no /proc: the compiler and collector are then part of "rest of this JVM"
        }
        return cpu;
    }

    /** CPU nanoseconds of the live threads of one Streams application, by kind. */
    static Map<String, Long> streamsThreads(String applicationId) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null || !info.getThreadName().contains(applicationId)) {
                continue;
            }
            String name = info.getThreadName();
            String kind = name.startsWith("kafka-producer-network-thread") ? "producer I/O"
                    : name.contains("GlobalStreamThread") ? "global (assets) thread"
                    : name.contains("-StreamThread-") ? "stream threads" : "other client threads";
            cpu.merge(kind, Math.max(0, THREADS.getThreadCpuTime(info.getThreadId())), Long::sum);
        }
        return cpu;
    }
}
