package jp.ishigaki.detection.topology;

import jp.ishigaki.detection.classify.Classifier;
import jp.ishigaki.detection.classify.SeverityPolicy;
import jp.ishigaki.detection.detect.CorrelationEntrySerde;
import jp.ishigaki.detection.detect.DedupStateSerde;
import jp.ishigaki.detection.detect.RuleHit;
import jp.ishigaki.detection.detect.RuleHitSerde;
import jp.ishigaki.detection.sigma.RuleSet;
import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.event.ClassifiedEvent;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The detection topology:
 * <pre>
 * security.events.raw ─ classify (validate, normalise, enrich ◀ asset-inventory GlobalKTable, rules)
 *    ├─ dead letters ───────────────────────────────▶ security.events.dlq
 *    ├─ classified events ──────────────────────────▶ security.events.classified
 *    └─ rule hits by entity/group ─ fold repeats ─ repartition ─ detect (dedup, correlation) ─▶ security.detections
 * </pre>
 * Discarded events (no rule, or a discard rule) stop after {@code classify}; they are only counted.
 * Every operator and store is named so that the topology stays stable across upgrades.
 */
public final class DetectionTopology {

    public static final String ASSET_STORE = AssetInventory.STORE;
    public static final String DEDUP_STORE = DetectProcessor.DEDUP_STORE;
    public static final String CORRELATION_STORE = DetectProcessor.CORRELATION_STORE;
    public static final String FOLD_STORE = HitFolder.STORE;
    public static final String HITS_REPARTITION = "rule-hits";

    private DetectionTopology() {
    }

    public static void build(StreamsBuilder builder, Supplier<RuleSet> rules, TopologySettings settings,
            PipelineCounters counters) {
        SeverityPolicy policy = new SeverityPolicy(settings.serverRoomPattern());
        Classifier classifier = new Classifier(policy);
        AssetInventory inventory = new AssetInventory();

        builder.globalTable(Topics.ASSETS.name(),
                Consumed.with(Topics.ASSETS.keySerde(), lenient(Topics.ASSETS.valueSerde())).withName("assets-source"),
                // No record cache: the global thread flushes a cache only every 10,000 records, and the inventory
                // index is rebuilt on writes that reach the store.
                Materialized.<String, Asset>as(inventory.storeSupplier())
                        .withKeySerde(Topics.ASSETS.keySerde()).withValueSerde(lenient(Topics.ASSETS.valueSerde()))
                        .withCachingDisabled());

        Duration window = settings.suppressionWindow();
        boolean persistent = settings.persistentStores();
        builder.addStateStore(Stores.windowStoreBuilder(
                windowStore(persistent, DEDUP_STORE, window.multipliedBy(2), window, false),
                Serdes.String(), new DedupStateSerde()).withCachingEnabled());
        builder.addStateStore(Stores.windowStoreBuilder(
                windowStore(persistent, CORRELATION_STORE, settings.correlationRetention(), Duration.ofMillis(1), true),
                Serdes.String(), new CorrelationEntrySerde()));
        builder.addStateStore(FoldStore.builder(FOLD_STORE));

        KStream<String, Object> classified = builder
                .stream(Topics.EVENTS_RAW.name(),
                        // keys as bytes: only a dead letter needs the original key as text (a classified event is keyed by its host)
                        Consumed.with(Serdes.ByteArray(), Topics.EVENTS_RAW.valueSerde()).withName("events-raw-source"))
                .process(() -> new ClassifyProcessor(rules, classifier, inventory, counters, settings.maxEventBytes()),
                        Named.as("classify"));

        // classify forwards to each of these children by name, and only the type that child takes
        ClassifyProcessor.<DeadLetter>output(classified)
                .to(Topics.EVENTS_DLQ.name(), Produced.with(Topics.EVENTS_DLQ.keySerde(), Topics.EVENTS_DLQ.valueSerde())
                        .withName(ClassifyProcessor.DEAD_LETTERS));
        ClassifyProcessor.<ClassifiedEvent>output(classified)
                .to(Topics.EVENTS_CLASSIFIED.name(), Produced.with(Topics.EVENTS_CLASSIFIED.keySerde(),
                        Topics.EVENTS_CLASSIFIED.valueSerde()).withName(ClassifyProcessor.CLASSIFIED));
        ClassifyProcessor.<RuleHit>output(classified)
                .process(() -> new HitFolder(settings.foldInterval(), settings.updateInterval(), counters),
                        Named.as(ClassifyProcessor.HITS), FOLD_STORE)
                .repartition(Repartitioned.with(Serdes.String(), new RuleHitSerde()).withName(HITS_REPARTITION))
                .process(() -> new DetectProcessor(rules, policy, counters, settings), Named.as("detect"),
                        DEDUP_STORE, CORRELATION_STORE)
                .to(Topics.DETECTIONS.name(), Produced.with(Topics.DETECTIONS.keySerde(), Topics.DETECTIONS.valueSerde())
                        .withName("detections-sink"));
    }

    private static WindowBytesStoreSupplier windowStore(boolean persistent, String name, Duration retention,
            Duration size, boolean duplicates) {
        return persistent
                ? Stores.persistentWindowStore(name, retention, size, duplicates)
                : Stores.inMemoryWindowStore(name, retention, size, duplicates);
    }

    /** A malformed asset record is read as absent instead of stopping the global thread. */
    private static <T> Serde<T> lenient(Serde<T> serde) {
        Deserializer<T> strict = serde.deserializer();
        Deserializer<T> tolerant = (topic, bytes) -> {
            try {
                return strict.deserialize(topic, bytes);
            } catch (RuntimeException e) {
                return null;
            }
        };
        return Serdes.serdeFrom(serde.serializer(), tolerant);
    }
}
