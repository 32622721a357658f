package jp.ishigaki.detection.bench;

import jp.ishigaki.detection.classify.AssetIndex;
import jp.ishigaki.detection.classify.Classifier;
import jp.ishigaki.detection.classify.NormalisedEvent;
import jp.ishigaki.detection.classify.SeverityPolicy;
import jp.ishigaki.detection.rules.RuleFiles;
import jp.ishigaki.detection.sigma.RuleLoader;
import jp.ishigaki.detection.sigma.RuleSet;
import jp.ishigaki.detection.sigma.SigmaRule;
import jp.ishigaki.detection.simulate.EventGenerator;
import jp.ishigaki.schemas.event.RawEvents;
import jp.ishigaki.schemas.topic.Topic;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: {@code ./mvnw -Pbench -pl detection-streams verify -DskipTests}. It starts a KRaft broker in its own
 * JVM ({@link Broker}) and measures, round after round, (1) a plain consume→produce copy with Kafka's clients (the
 * pass-through baseline) and (2) the full detection topology with the built-in rules, exactly-once v2, over the same
 * batch of N realistic mixed events (default 1,000,000; {@code -Dbench.events}) that each round loads into
 * security.events.raw; before that, (3) in-process rule evaluation for 60 and 1,000 rules. The topology runs in
 * this JVM with the service's own Kafka Streams settings ({@link ServiceSettings}), started once and paused while a
 * round's batch is loaded and copied ({@link RunningTopology}), as a service that is already running; the copy
 * runs in a JVM of its own ({@link PassThrough}) with as many threads and the same producer settings. Four unmeasured
 * rounds ({@code bench.warmups}) let the JIT compiler finish its work (after two, C2 still compiled hot methods of
 * Streams and the topology for half a second each); then {@code bench.rounds} rounds (default 5) are measured and
 * the medians reported, since one run of either varies a lot on a small shared machine. For the topology it also
 * prints where the CPU went (stream threads, producer I/O, JIT compiler, GC, broker) and how long the last rule hits
 * took after the last event was classified.
 */
public final class Benchmark {

    /** The service's Kafka Streams settings; both runs' producers batch and compress alike. */
    private static final ServiceSettings SETTINGS = ServiceSettings.load();
    private static final AtomicLong FAILED_SENDS = new AtomicLong();
    /**
     * The service's log levels (application.properties: Kafka at WARN, the rest at INFO). Unconfigured, the log
     * manager enables TRACE, and Kafka's clients and Streams then format every record into a trace message.
     */
    private static final List<java.util.logging.Logger> LOG_LEVELS = List.of(
            level("", java.util.logging.Level.INFO), level("org.apache.kafka", java.util.logging.Level.WARNING),
            level("kafka", java.util.logging.Level.WARNING));

    /** Sets the service's log levels (the copy JVM calls it too); the list holds the configured loggers. */
    static List<java.util.logging.Logger> quietLogs() {
        return LOG_LEVELS;
    }

    private static java.util.logging.Logger level(String name, java.util.logging.Level level) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 1_000_000);
        String threads = SETTINGS.required("num.stream.threads");
        int partitions = Integer.getInteger("bench.partitions", 6);
        System.out.printf("log levels: %s%n", LOG_LEVELS.stream().map(l -> "'" + l.getName() + "'=" + l.getLevel()).toList());
        System.out.printf("Ishigaki detection benchmark: %,d events, %s threads each, %d partitions, %d cores, Java %s%n", events,
                threads, partitions, Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("the service's Kafka Streams settings: " + SETTINGS);
        if (!Boolean.getBoolean("bench.skipInProcess")) {
            inProcess();
        }
        try (Broker kafka = Broker.start(System.getProperty("bench.broker", "process"))) {
            System.out.println("broker: " + kafka.description());
            String bootstrap = kafka.bootstrapServers();
            createTopics(bootstrap, partitions);
            Inventory.load(bootstrap);
            int rounds = Integer.getInteger("bench.rounds", 5);
            int warmups = Integer.getInteger("bench.warmups", 4);
            // One millisecond of event time per event, every round's batch after the one before, the last ending now.
            Instant base = Instant.now().minusMillis((long) (warmups + rounds) * events).minusSeconds(60);
            List<double[]> results = new ArrayList<>();
            List<double[]> variantResults = new ArrayList<>();
            Map<String, String> variantSettings = variantSettings();
            long loaded = 0;
            try (CopyProcess copier = CopyProcess.start(bootstrap);
                    RunningTopology topology = RunningTopology.start(bootstrap, SETTINGS);
                    RunningTopology variant = variantSettings.isEmpty() ? null
                            : RunningTopology.start(bootstrap, SETTINGS.with(variantSettings))) {
                System.out.println("pass-through copy: own JVM (pid " + copier.pid() + ")");
                for (int round = 0; round < warmups + rounds; round++) {
                    boolean warmup = round < warmups;
                    System.out.printf(warmup ? "warm-up round %d of %d (JIT), not measured:%n" : "round %d of %d:%n",
                            warmup ? round + 1 : round - warmups + 1, warmup ? warmups : rounds);
                    long batch = load(bootstrap, events, 2026 + round, base.plusMillis((long) round * events), loaded);
                    loaded += batch;
                    double[] copy = passThrough(copier, batch, kafka);
                    // with a variant, the two take turns at going first
                    boolean variantFirst = variant != null && round % 2 == 1;
                    double[] variantRun = variantFirst ? measureVariant(variant, variantSettings, batch, kafka) : null;
                    double[] detection = measure(topology, batch, kafka);
                    if (variant != null && !variantFirst) {
                        variantRun = measureVariant(variant, variantSettings, batch, kafka);
                    }
                    if (!warmup) {
                        results.add(new double[] {copy[0], copy[1], detection[0], detection[1], copy[2], detection[2]});
                        if (variantRun != null) {
                            variantResults.add(new double[] {variantRun[0], variantRun[1], variantRun[2],
                                    100 * variantRun[0] / detection[0]});
                        }
                    }
                }
            }
            System.out.printf("%n== Results (%,d events a round, median of %d rounds; CPU = the run's JVM's and the broker's) ==%n",
                    events, rounds);
            double copy = median(results, 0);
            double copyCpu = median(results, 1);
            double detection = median(results, 2);
            double detectionCpu = median(results, 3);
            System.out.printf("pass-through copy (plain consumer → producer): %,10.0f events/s  %6.1f µs CPU/event%n",
                    copy, copyCpu);
            System.out.printf("detection topology (EOS v2, %d rules):        %,10.0f events/s  %6.1f µs CPU/event%n",
                    RuleLoader.load(RuleFiles.builtin()).ruleSet().size(), detection, detectionCpu);
            System.out.printf("ratio detection / pass-through:                %10.1f %%   %6.1f %% (CPU per event, inverted)%n",
                    100 * detection / copy, 100 * copyCpu / detectionCpu);
            // Each round runs the copy and then the topology: the ratio within a round shares that moment's machine.
            List<double[]> ratios = results.stream().map(r -> new double[] {100 * r[2] / r[0]}).toList();
            System.out.printf("ratio within each round, median:               %10.1f %%%n", median(ratios, 0));
            System.out.printf("processing threads alone (copy workers / stream threads): %.1f / %.1f µs CPU/event%n",
                    median(results, 4), median(results, 5));
            for (double[] r : results) {
                System.out.printf("  round: copy %,9.0f events/s %5.1f µs (threads %4.1f) | topology %,9.0f events/s %5.1f µs"
                        + " (threads %4.1f) | %5.1f %%%n", r[0], r[1], r[4], r[2], r[3], r[5], 100 * r[2] / r[0]);
            }
            if (!variantResults.isEmpty()) {
                System.out.printf("variant %s: %,.0f events/s, %.1f µs CPU/event (stream threads %.1f); against the"
                                + " topology in the same round, median %.1f %% (rounds: %s)%n", variantSettings,
                        median(variantResults, 0), median(variantResults, 1), median(variantResults, 2),
                        median(variantResults, 3), variantResults.stream()
                                .map(r -> String.format("%.1f %%", r[3])).toList());
            }
        }
        System.exit(0);
    }

    /**
     * {@code -Dbench.variant.<setting>=<value>}: Kafka Streams settings of a second topology, run over the same
     * batches in the same rounds (the two taking turns at going first), to compare a setting paired, round by round,
     * on a machine whose speed drifts by a fifth within minutes.
     */
    private static Map<String, String> variantSettings() {
        Map<String, String> settings = new java.util.TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.variant."))
                .forEach(name -> settings.put(name.substring("bench.variant.".length()), System.getProperty(name)));
        return settings;
    }

    /** One topology over one batch: events/s, CPU µs per event (this JVM's and the broker's), stream threads' µs. */
    private static double[] measure(RunningTopology topology, long batch, Broker kafka) throws Exception {
        long cpu = cpuNanos() + kafka.cpuNanos();
        RunningTopology.Run run = topology.process(batch, kafka);
        double cpuPerEvent = (cpuNanos() + kafka.cpuNanos() - cpu) / 1e3 / batch;
        return new double[] {run.eventsPerSecond(), cpuPerEvent, run.threadMicrosPerEvent()};
    }

    private static double[] measureVariant(RunningTopology variant, Map<String, String> settings, long batch,
            Broker kafka) throws Exception {
        double[] run = measure(variant, batch, kafka);
        System.out.printf("  (variant %s: %,.0f events/s)%n", settings, run[0]);
        return run;
    }

    private static double median(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /** CPU time of this whole JVM (clients and streams): with the broker's, unlike events/s, it holds still on a busy machine. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void createTopics(String bootstrap, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic<?, ?> topic : List.of(Topics.EVENTS_RAW, Topics.EVENTS_CLASSIFIED, Topics.EVENTS_DLQ,
                    Topics.DETECTIONS, Topics.ASSETS)) {
                int p = topic == Topics.EVENTS_RAW || topic == Topics.EVENTS_CLASSIFIED ? partitions : topic.defaultPartitions();
                topics.add(new NewTopic(topic.name(), p, (short) 1).configs(topic.config()));
            }
            topics.add(new NewTopic(PassThrough.TOPIC, partitions, (short) 1));
            admin.createTopics(topics).all().get();
        }
    }

    /** Bytes on disk per event of the topics a topology run wrote (the classified topic holds every run's). */
    static void topicSizes(String bootstrap, String applicationId, long events) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var dirs = admin.describeLogDirs(List.of(1)).allDescriptions().get().get(1);
            Map<String, Long> bytes = new java.util.TreeMap<>();
            dirs.values().forEach(dir -> dir.replicaInfos().forEach((tp, info) -> {
                if (tp.topic().startsWith(applicationId) || tp.topic().equals(Topics.EVENTS_CLASSIFIED.name())
                        || tp.topic().equals(Topics.DETECTIONS.name())) {
                    bytes.merge(tp.topic().replace(applicationId, "<app>"), info.size(), Long::sum);
                }
            }));
            StringBuilder line = new StringBuilder();
            bytes.forEach((topic, size) -> line.append(String.format(", %s %.0f", topic, (double) size / events)));
            System.out.printf("  bytes on disk per event: %s%n", line.substring(2));
        }
    }

    private static long inTopic(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS_RAW.name()).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Loads one round's batch of {@code events} generated events (their own seed, one millisecond of event time
     * each from {@code base}) and returns how many reached the topic beyond the {@code before} already there (a send
     * that failed under load would otherwise stall both runs).
     */
    private static long load(String bootstrap, int events, long seed, Instant base, long before) {
        EventGenerator generator = new EventGenerator(seed, EventGenerator.Mix.REALISTIC, 0.002);
        long started = System.nanoTime();
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(PassThrough.producerConfig(bootstrap, SETTINGS),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                Map<String, Object> event = generator.next(base.plusMillis(i));
                byte[] json = EventGenerator.wire(event);
                bytes += json.length;
                Object host = event.get("host.name");
                producer.send(new ProducerRecord<>(Topics.EVENTS_RAW.name(),
                        host == null ? null : host.toString().getBytes(), json), (metadata, e) -> {
                            if (e != null && FAILED_SENDS.getAndIncrement() == 0) {
                                System.out.println("WARNING: a send failed while loading: " + e);
                            }
                        });
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("loaded %,d events (avg %d bytes) in %.1f s (%,.0f events/s)%n", events, bytes / events,
                seconds, events / seconds);
        long loaded = inTopic(bootstrap) - before;
        if (loaded != events) {
            System.out.printf("WARNING: %,d of %,d events reached the topic%n", loaded, events);
        }
        return loaded;
    }

    /** One copy: events/s, CPU µs per event (the copy JVM's and the broker's), the copy workers' CPU µs per event. */
    private static double[] passThrough(CopyProcess copier, long events, Broker kafka) throws java.io.IOException {
        long cpu = copier.cpuNanos() + kafka.cpuNanos();
        double[] copied = copier.copy(events);
        double cpuPerEvent = (copier.cpuNanos() + kafka.cpuNanos() - cpu) / 1e3 / copied[0];
        System.out.printf("pass-through: %,.0f records copied in %.1f s%n", copied[0], copied[1]);
        return new double[] {copied[0] / copied[1], cpuPerEvent, copied[2] / 1e3 / copied[0]};
    }

    /** Rule evaluation alone (enrichment + matching on normalised events), 60 and 1,000 rules. */
    private static void inProcess() {
        List<SigmaRule> builtin = RuleLoader.load(RuleFiles.builtin()).ruleSet().rules();
        EventGenerator generator = new EventGenerator(99, EventGenerator.Mix.REALISTIC, 0.002);
        int n = 200_000;
        List<NormalisedEvent> sample = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RawEvents.Valid valid = (RawEvents.Valid) RawEvents.parse(
                    jp.ishigaki.detection.TestEvents.json(generator.next(Instant.now())));
            sample.add(NormalisedEvent.of(valid.document()));
        }
        Classifier classifier = new Classifier(SeverityPolicy.defaults());
        AssetIndex inventory = new AssetIndex(Inventory.SAMPLE);
        parsing(n);
        for (int size : new int[] {60, 1_000}) {
            RuleSet set = RuleSet.of(scaled(builtin, size), List.of());
            for (int round = 0; round < 3; round++) {
                long started = System.nanoTime();
                long matched = 0;
                for (NormalisedEvent event : sample) {
                    matched += classifier.classify(event, inventory, set) instanceof
                            jp.ishigaki.detection.classify.Classification.Matched ? 1 : 0;
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                if (round == 2) {
                    System.out.printf("in-process rule evaluation, %,5d rules: %,12.0f events/s (%,d of %,d matched)%n",
                            set.rules().size(), n / seconds, matched, n);
                }
            }
        }
    }

    /**
     * Reading alone: wire bytes (nested ECS JSON) to the validated flat map with the built-in rules' field selection,
     * one thread. The pass-through copy never reads an event; the topology reads every one.
     */
    private static void parsing(int n) {
        RuleSet rules = RuleLoader.load(RuleFiles.builtin()).ruleSet();
        jp.ishigaki.detection.classify.FieldSelection selection = jp.ishigaki.detection.classify.FieldSelection.of(rules);
        EventGenerator generator = new EventGenerator(98, EventGenerator.Mix.REALISTIC, 0.002);
        List<byte[]> wire = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            wire.add(EventGenerator.wire(generator.next(Instant.now())));
        }
        for (int round = 0; round < 5; round++) {
            long started = System.nanoTime();
            long fields = 0;
            for (byte[] bytes : wire) {
                fields += jp.ishigaki.detection.classify.FlatEvents.parse(bytes, RawEvents.DEFAULT_MAX_BYTES, selection)
                        .flat().size();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (round == 4) {
                System.out.printf("in-process reading (JSON → validated flat map): %,12.0f events/s (%.2f µs/event, %.1f fields)%n",
                        n / seconds, seconds * 1e6 / n, (double) fields / n);
            }
        }
    }

    private static java.util.Set<String> plus(java.util.Set<String> fields, String field) {
        java.util.Set<String> out = new java.util.HashSet<>(fields);
        out.add(field);
        return out;
    }

    /** The built-in rules cut or repeated to {@code size}; repeats never match, but cost their original's test. */
    private static List<SigmaRule> scaled(List<SigmaRule> builtin, int size) {
        List<SigmaRule> out = new ArrayList<>(size);
        for (int i = 0; out.size() < size; i++) {
            SigmaRule r = builtin.get(i % builtin.size());
            if (i < builtin.size()) {
                out.add(r);
            } else {
                jp.ishigaki.detection.sigma.EventMatch original = r.detection();
                String variantKey = "labels.variant-" + i;
                // Same selections as the original (so the same index keys) plus one that never holds.
                jp.ishigaki.detection.sigma.EventMatch variant = new jp.ishigaki.detection.sigma.EventMatch() {
                    @Override
                    public boolean test(Map<String, Object> e) {
                        return original.test(e) && e.containsKey(variantKey);
                    }

                    @Override
                    public Map<String, java.util.Set<String>> requiredValues() {
                        return original.requiredValues();
                    }
                };
                out.add(new SigmaRule(r.id() + "-v" + i, null, r.title(), r.status(), r.description(), r.level(), r.tags(),
                        r.logsource(), r.entity(), variant, plus(r.fields(), variantKey), r.origin()));
            }
        }
        return out;
    }
}
