package jp.ishigaki.detection.bench;

import jp.ishigaki.detection.rules.RuleFiles;
import jp.ishigaki.detection.sigma.RuleLoader;
import jp.ishigaki.detection.sigma.RuleSet;
import jp.ishigaki.detection.topology.DetectionTopology;
import jp.ishigaki.detection.topology.TopologySettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The detection topology as the service runs it: started once, with the built-in rules and the service's Kafka
 * Streams settings, and then kept running while the benchmark feeds it one batch of events per round. Between
 * rounds it is paused ({@link KafkaStreams#pause()}), so that a batch is loaded (and copied by the baseline) before
 * the topology sees its first record, and each round measures it as a running service, with its tasks initialised,
 * its stores open and its state (open dedup windows, correlation entries) carried over from the rounds before.
 */
final class RunningTopology implements AutoCloseable {

    /** One measured batch: events/s, and the CPU the stream threads spent per event. */
    record Run(double eventsPerSecond, double threadMicrosPerEvent) {
    }

    private final ServiceCounters counters = new ServiceCounters();
    private final String applicationId = "bench-detection-" + UUID.randomUUID();
    private final String bootstrap;
    private final Path stateDir;
    private final KafkaStreams streams;

    private RunningTopology(String bootstrap, ServiceSettings settings) throws java.io.IOException {
        this.bootstrap = bootstrap;
        RuleSet rules = Boolean.getBoolean("bench.noRules") ? RuleSet.of(List.of(), List.of())
                : RuleLoader.load(RuleFiles.builtin()).ruleSet();
        StreamsBuilder builder = new StreamsBuilder();
        boolean persistent = Boolean.parseBoolean(System.getProperty("bench.persistent", "true"));
        DetectionTopology.build(builder, () -> rules, TopologySettings.defaults().withPersistentStores(persistent),
                counters.counters());
        System.out.printf("detection topology: %d rules, %s windowed stores%n", rules.size(),
                persistent ? "RocksDB" : "in-memory");
        Properties props = new Properties();
        props.putAll(settings.streams());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        stateDir = Files.createTempDirectory("bench-state");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        streams = new KafkaStreams(builder.build(), props);
    }

    /** Starts the topology and pauses it once it is running. */
    static RunningTopology start(String bootstrap, ServiceSettings settings) throws Exception {
        RunningTopology topology = new RunningTopology(bootstrap, settings);
        long started = System.nanoTime();
        topology.streams.start();
        long deadline = started + Duration.ofMinutes(2).toNanos();
        while (topology.streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || topology.streams.state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("the topology is " + topology.streams.state() + " after 2 minutes");
            }
            Thread.sleep(10);
        }
        topology.streams.pause();
        System.out.printf("detection topology running after %.1f s, paused until the first round's events are loaded%n",
                (System.nanoTime() - started) / 1e9);
        return topology;
    }

    /**
     * Resumes the topology, waits for the batch's first record, and times it from there until the batch's
     * {@code events} were all classified and every rule hit went through dedup and correlation; then pauses it.
     */
    Run process(long events, Broker kafka) throws Exception {
        long before = counters.received();
        long classifiedBefore = counters.classified();
        long discardedBefore = counters.discarded();
        long deadLetteredBefore = counters.deadLettered();
        long hitsBefore = counters.hitsProcessed();
        long publishedBefore = counters.published();
        streams.resume();
        awaitFirstRecord(before);
        Map<String, Long> streamsCpu = ThreadCpu.streamsThreads(applicationId);
        Map<String, Long> runtimeCpu = ThreadCpu.runtimeThreads();
        long jvmCpu = Benchmark.cpuNanos();
        long brokerCpu = kafka.cpuNanos();
        long started = System.nanoTime();
        long allReceivedNanos = 0;
        RunTrace trace = Boolean.getBoolean("bench.trace") ? new RunTrace(applicationId, counters, started, before) : null;
        long deadline = started + Duration.ofMinutes(30).toNanos();
        while ((counters.received() - before < events || counters.hitsProcessed() < counters.hitsEmitted())
                && System.nanoTime() < deadline) {
            if (allReceivedNanos == 0 && counters.received() - before >= events) {
                allReceivedNanos = System.nanoTime();
            }
            if (trace != null) {
                trace.maybePrint();
            }
            Thread.sleep(5);
        }
        long doneNanos = System.nanoTime();
        streams.pause();
        double seconds = (doneNanos - started) / 1e9;
        long measured = counters.received() - before;
        System.out.printf("detection: %,d received, %,d classified, %,d discarded, %,d dead-lettered, %,d rule hits"
                        + " through dedup/correlation, %,d detections published in %.1f s%n", measured,
                counters.classified() - classifiedBefore, counters.discarded() - discardedBefore,
                counters.deadLettered() - deadLetteredBefore, counters.hitsProcessed() - hitsBefore,
                counters.published() - publishedBefore, seconds);
        Map<String, Long> cpu = new LinkedHashMap<>();
        ThreadCpu.streamsThreads(applicationId).forEach((kind, nanos) ->
                cpu.put(kind, nanos - streamsCpu.getOrDefault(kind, 0L)));
        ThreadCpu.runtimeThreads().forEach((kind, nanos) -> cpu.put(kind, nanos - runtimeCpu.get(kind)));
        long jvm = Benchmark.cpuNanos() - jvmCpu;
        cpu.put("rest of this JVM", jvm - cpu.values().stream().mapToLong(Long::longValue).sum());
        cpu.put("broker", kafka.cpuNanos() - brokerCpu);
        StringBuilder line = new StringBuilder();
        cpu.forEach((kind, nanos) -> line.append(String.format(", %s %.2f", kind, nanos / 1e3 / measured)));
        System.out.printf("  CPU µs/event: %s%n  all events classified after %.1f s, all rule hits through detect %.1f s"
                + " later%n", line.substring(2), (allReceivedNanos - started) / 1e9, (doneNanos - allReceivedNanos) / 1e9);
        if (Boolean.getBoolean("bench.topicSizes")) {
            Benchmark.topicSizes(bootstrap, applicationId, counters.received());
        }
        return new Run(measured / seconds, cpu.getOrDefault("stream threads", 0L) / 1e3 / measured);
    }

    private void awaitFirstRecord(long before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (counters.received() == before) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the topology received nothing within 2 minutes of its resume");
            }
            Thread.sleep(1);
        }
    }

    /** Closes the streams, then deletes their state directory (the RocksDB stores take up to a few hundred MB). */
    @Override
    public void close() throws java.io.IOException {
        streams.close(Duration.ofMinutes(1));
        try (var paths = Files.walk(stateDir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
