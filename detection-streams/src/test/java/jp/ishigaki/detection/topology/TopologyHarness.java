package jp.ishigaki.detection.topology;

import jp.ishigaki.detection.TestEvents;
import jp.ishigaki.detection.rules.RuleFiles;
import jp.ishigaki.detection.sigma.RuleLoader;
import jp.ishigaki.detection.sigma.RuleSet;
import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.event.ClassifiedEvent;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

/** The detection topology in a TopologyTestDriver, with the topics of the registry and counting metrics. */
public final class TopologyHarness implements AutoCloseable {

    public static final RuleSet BUILTIN = RuleLoader.load(RuleFiles.builtin()).ruleSet();

    public final TopologyTestDriver driver;
    public final CountingCounters counters = new CountingCounters();
    public final TestInputTopic<String, byte[]> raw;
    public final TestInputTopic<String, Asset> assets;
    public final TestOutputTopic<String, DeadLetter> dlq;
    public final TestOutputTopic<String, ClassifiedEvent> classified;
    /** Read after the fold interval has passed on the wall clock, so that every folded hit has been sent on. */
    public final FoldedOutput detections;

    public TopologyHarness() {
        this(() -> BUILTIN, TopologySettings.defaults());
    }

    /** In-memory windowed stores: the driver commits after every record, and RocksDB would flush on each. */
    public static TopologySettings settings() {
        return TopologySettings.defaults().withPersistentStores(false);
    }

    public TopologyHarness(Supplier<RuleSet> rules, TopologySettings settings) {
        this(rules, settings, false);
    }

    public TopologyHarness(Supplier<RuleSet> rules, TopologySettings settings, boolean persistent) {
        StreamsBuilder builder = new StreamsBuilder();
        DetectionTopology.build(builder, rules, settings.withPersistentStores(persistent), counters);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "detection-test-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("detection-ttd").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(builder.build(), props, Instant.parse("2026-11-26T01:00:00Z"));
        raw = driver.createInputTopic(Topics.EVENTS_RAW.name(), Topics.EVENTS_RAW.keySerde().serializer(),
                Topics.EVENTS_RAW.valueSerde().serializer());
        assets = driver.createInputTopic(Topics.ASSETS.name(), Topics.ASSETS.keySerde().serializer(),
                Topics.ASSETS.valueSerde().serializer());
        dlq = driver.createOutputTopic(Topics.EVENTS_DLQ.name(), Topics.EVENTS_DLQ.keySerde().deserializer(),
                Topics.EVENTS_DLQ.valueSerde().deserializer());
        classified = driver.createOutputTopic(Topics.EVENTS_CLASSIFIED.name(),
                Topics.EVENTS_CLASSIFIED.keySerde().deserializer(), Topics.EVENTS_CLASSIFIED.valueSerde().deserializer());
        detections = new FoldedOutput(driver.createOutputTopic(Topics.DETECTIONS.name(),
                Topics.DETECTIONS.keySerde().deserializer(), Topics.DETECTIONS.valueSerde().deserializer()),
                settings.foldInterval());
    }

    /** Pipes an event (envelope filled in when absent) keyed by its host name. */
    public void send(Map<String, ?> fields) {
        Object host = fields.get("host.name");
        raw.pipeInput(host == null ? null : host.toString(), TestEvents.json(fields));
    }

    public void advance(Duration wallClock) {
        driver.advanceWallClockTime(wallClock);
    }

    /** The detections topic, read once the {@link HitFolder} has sent on what it held. */
    public final class FoldedOutput {

        private final TestOutputTopic<String, Detection> topic;
        private final Duration foldInterval;

        FoldedOutput(TestOutputTopic<String, Detection> topic, Duration foldInterval) {
            this.topic = topic;
            this.foldInterval = foldInterval;
        }

        public List<Detection> readValuesToList() {
            advance(foldInterval);
            return topic.readValuesToList();
        }

        public Detection readValue() {
            advance(foldInterval);
            return topic.readValue();
        }

        public boolean isEmpty() {
            advance(foldInterval);
            return topic.isEmpty();
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
