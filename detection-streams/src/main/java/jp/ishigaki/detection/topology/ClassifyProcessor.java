package jp.ishigaki.detection.topology;

import io.quarkus.logging.Log;
import jp.ishigaki.detection.classify.Classification;
import jp.ishigaki.detection.classify.Classifier;
import jp.ishigaki.detection.classify.FieldSelection;
import jp.ishigaki.detection.classify.FlatEvents;
import jp.ishigaki.detection.classify.NormalisedEvent;
import jp.ishigaki.detection.detect.HitFactory;
import jp.ishigaki.detection.detect.RuleHit;
import jp.ishigaki.detection.sigma.RuleSet;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.event.RawEvents;
import jp.ishigaki.schemas.event.RejectReason;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Validate → normalise → enrich → classify for one raw record (plain valid events take the streaming fast path
 * of {@link FlatEvents}; everything else the contract parser). Every record becomes exactly one
 * {@link Outcome}, and is counted once; any exception turns into a dead letter with {@code PROCESSING_FAILED}.
 * <p>
 * Each outcome goes straight to the child that takes it, by name: a dead letter to {@value #DEAD_LETTERS}, a
 * classified event to {@value #CLASSIFIED} (with the event's own {@code @timestamp} as record time) and each of its
 * rule hits, keyed by its entity or group, to {@value #HITS}; a discarded record stops here, counted. (One node
 * instead of a branch, two value mappers and a flat-map behind it: fewer hops per record, measured in the README.)
 */
final class ClassifyProcessor implements Processor<byte[], byte[], String, Object> {

    static final String DEAD_LETTERS = "dead-letters-sink";
    static final String CLASSIFIED = "classified-sink";
    static final String HITS = "fold-repeats";

    private final Supplier<RuleSet> rules;
    private final Classifier classifier;
    private final AssetInventory inventory;
    private final PipelineCounters counters;
    private final int maxBytes;
    private ProcessorContext<String, Object> context;
    private ReadOnlyKeyValueStore<?, ?> assets;
    /** The fields the current rule set reads, rebuilt when the rules change. */
    private RuleSet selectedFor;
    private FieldSelection selection;

    ClassifyProcessor(Supplier<RuleSet> rules, Classifier classifier, AssetInventory inventory,
            PipelineCounters counters, int maxBytes) {
        this.rules = rules;
        this.classifier = classifier;
        this.inventory = inventory;
        this.counters = counters;
        this.maxBytes = maxBytes;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.assets = context.getStateStore(AssetInventory.STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        counters.received();
        Record<String, Outcome> out;
        try {
            out = classify(record);
        } catch (RuntimeException e) {
            Log.warnf(e, "processing failed for a record of %s", position());
            out = deadLetter(record, RejectReason.PROCESSING_FAILED, String.valueOf(e));
        }
        count(out.value());
        if (out.value() instanceof Outcome.Classified classified) {
            context.forward(out.withValue(classified.event()), CLASSIFIED);
            for (RuleHit hit : classified.hits()) {
                context.forward(new Record<>(hit.partitionKey(), hit, out.timestamp(), out.headers()), HITS);
            }
        } else if (out.value() instanceof Outcome.DeadLettered dead) {
            context.forward(out.withValue(dead.letter()), DEAD_LETTERS);
        }
    }

    private Record<String, Outcome> classify(Record<byte[], byte[]> record) {
        RuleSet ruleSet = rules.get();
        if (ruleSet != selectedFor) {
            selection = FieldSelection.of(ruleSet);
            selectedFor = ruleSet;
        }
        NormalisedEvent event = FlatEvents.parse(record.value(), maxBytes, selection);
        if (event == null) {
            RawEvents.Parsed parsed = RawEvents.parse(record.value(), maxBytes);
            if (parsed instanceof RawEvents.Rejected rejected) {
                return deadLetter(record, rejected.reason(), rejected.detail());
            }
            event = NormalisedEvent.of(((RawEvents.Valid) parsed).document());
        }
        Classification classification = classifier.classify(event, inventory.index(assets), ruleSet);
        if (classification instanceof Classification.Discarded discarded) {
            return new Record<>(null, new Outcome.Discarded(discarded.reason()), record.timestamp());
        }
        Classification.Matched matched = (Classification.Matched) classification;
        Outcome value = new Outcome.Classified(matched.event(), HitFactory.hits(matched, ruleSet));
        return new Record<>(event.host(), value, event.timestamp().toEpochMilli(), record.headers());
    }

    private void count(Outcome outcome) {
        if (outcome instanceof Outcome.Classified classified) {
            counters.classified();
            counters.hitsEmitted(classified.hits().size());
        } else if (outcome instanceof Outcome.Discarded d) {
            counters.discarded(d.reason());
        } else if (outcome instanceof Outcome.DeadLettered d) {
            counters.deadLettered(d.letter().reason());
        }
    }

    /** The dead letter keeps the record's key, timestamp and headers. */
    private Record<String, Outcome> deadLetter(Record<byte[], byte[]> record, RejectReason reason, String detail) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        byte[] bytes = record.value();
        String text = bytes == null ? null : utf8(bytes);
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        Outcome letter = new Outcome.DeadLettered(new DeadLetter(reason, detail, meta == null ? null : meta.topic(),
                meta == null ? -1 : meta.partition(), meta == null ? -1 : meta.offset(), Instant.now(), key,
                text, bytes != null && text == null ? Base64.getEncoder().encodeToString(bytes) : null));
        return new Record<>(key, letter, record.timestamp(), record.headers());
    }

    private String position() {
        return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?");
    }

    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The classify node's output as one child sees it: the records {@link #process} forwards to that child by name. */
    @SuppressWarnings("unchecked")
    static <V> KStream<String, V> output(KStream<String, Object> classified) {
        return (KStream<String, V>) (KStream<String, ?>) classified;
    }
}
