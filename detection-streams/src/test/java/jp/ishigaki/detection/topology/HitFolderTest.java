package jp.ishigaki.detection.topology;

import jp.ishigaki.detection.detect.RuleHit;
import jp.ishigaki.detection.detect.RuleHitSerde;
import jp.ishigaki.schemas.policy.Segment;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The folder and its write-back store on their own: what they hold, send on, write back and read back. */
class HitFolderTest {

    private static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");

    private final CountingCounters counters = new CountingCounters();
    private MockProcessorContext<String, RuleHit> context;
    /** The store beneath the folds, as its changelog would restore it. */
    private KeyValueStore<String, RuleHit> beneath;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(0);
        beneath = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(HitFolder.STORE), Serdes.String(),
                new RuleHitSerde()).withLoggingDisabled().build();
        beneath.init(context.getStateStoreContext(), beneath);
    }

    /** A folder over a fresh {@link FoldStore} on {@link #beneath}: what a task starts with after a restoration. */
    private HitFolder folder() {
        FoldStore store = new FoldStore(beneath);
        context.addStateStore(store);
        HitFolder folder = new HitFolder(Duration.ofSeconds(1), Duration.ofSeconds(30), counters);
        folder.init(context);
        return folder;
    }

    private FoldStore store() {
        return context.getStateStore(HitFolder.STORE);
    }

    private static RuleHit hit(String dedupKey, String eventId, Instant at, String correlationId) {
        return new RuleHit(dedupKey, dedupKey.substring(dedupKey.indexOf('|') + 1), "r", correlationId, eventId, at,
                "pc-1", "tanaka", null, Segment.LGWAN, null, false, null, Map.of(), Map.of("event.id", eventId), null);
    }

    private static Record<String, RuleHit> record(RuleHit hit) {
        return new Record<>(hit.partitionKey(), hit, hit.timestamp().toEpochMilli());
    }

    private List<RuleHit> sent() {
        List<RuleHit> sent = context.forwarded().stream().<RuleHit>map(f -> f.record().value()).toList();
        context.resetForwards();
        return sent;
    }

    private List<KeyValue<String, RuleHit>> written() {
        List<KeyValue<String, RuleHit>> all = new ArrayList<>();
        try (KeyValueIterator<String, RuleHit> it = beneath.all()) {
            it.forEachRemaining(all::add);
        }
        return all;
    }

    @Test
    void shouldFoldAFloodOfOneKeyIntoOneHitSentByThePunctuation() {
        HitFolder folder = folder();
        for (int i = 0; i < 500; i++) {
            folder.process(record(hit("r|user.name=tanaka", "e-" + i, T0.plusMillis(i * 10L), null)));
        }
        folder.process(record(hit("r|user.name=sato", "s-1", T0, null)));
        assertThat(sent()).isEmpty();
        assertThat(context.committed()).isFalse();

        tick(1_000);
        assertThat(context.committed()).as("the folds are committed at once, not at the next commit interval").isTrue();

        List<RuleHit> sent = sent();
        assertThat(sent).extracting(RuleHit::dedupKey).containsExactly("r|user.name=tanaka", "r|user.name=sato");
        RuleHit fold = sent.get(0);
        assertThat(fold.events()).isEqualTo(500);
        assertThat(fold.eventId()).isEqualTo("e-0");
        assertThat(fold.firstSeen()).isEqualTo(T0);
        assertThat(fold.lastSeen()).isEqualTo(T0.plusMillis(4_990));
        assertThat(fold.eventIds()).hasSize(10).startsWith("e-0", "e-1");
        assertThat(fold.samples()).hasSize(3);
        assertThat(sent.get(1).events()).isEqualTo(1);
        assertThat(sent.get(1).repeats()).isNull();
        assertThat(store().folds()).isEmpty();

        context.resetCommit();
        tick(2_000);
        assertThat(context.committed()).as("nothing sent, nothing to commit").isFalse();
    }

    /** The punctuation at this wall-clock time. */
    private void tick(long nowMs) {
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(nowMs);
    }

    @Test
    void shouldSendOnceTheHitsPauseAndAtLeastEveryIntervalWhileTheyKeepComing() {
        context.setCurrentSystemTimeMs(10_000);
        HitFolder folder = folder();
        assertThat(context.scheduledPunctuators().get(0).getInterval()).isEqualTo(Duration.ofMillis(100));
        folder.process(record(hit("r|user.name=tanaka", "e-1", T0, null)));
        tick(10_100);
        assertThat(sent()).as("one tick without a hit: more may be on their way").isEmpty();
        tick(10_200);
        assertThat(sent()).as("two ticks without a hit: a lone event's detection does not wait for the interval")
                .singleElement().extracting(RuleHit::eventId).isEqualTo("e-1");

        // a flood that does not pause: a hit between every two ticks
        List<Long> sentAt = new ArrayList<>();
        for (long now = 10_300; now <= 12_500; now += 100) {
            context.setCurrentSystemTimeMs(now - 50);
            folder.process(record(hit("r|user.name=tanaka", "f-" + now, T0.plusMillis(now), null)));
            tick(now);
            if (!sent().isEmpty()) {
                sentAt.add(now);
            }
        }
        assertThat(sentAt).as("once an interval after the last send").containsExactly(11_200L, 12_200L);
    }

    @Test
    void shouldLookAtLeastEveryMillisecondWhenTheIntervalIsShorterThanTenTicks() {
        context.addStateStore(new FoldStore(beneath));
        new HitFolder(Duration.ofMillis(5), Duration.ofSeconds(30), counters).init(context);
        assertThat(context.scheduledPunctuators().get(0).getInterval()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void shouldWriteBackOnlyAtTheFlushWhatWasNotSent() {
        HitFolder folder = folder();
        folder.process(record(hit("r|user.name=tanaka", "e-1", T0, null)));
        folder.process(record(hit("r|user.name=tanaka", "e-2", T0, null)));
        assertThat(written()).as("nothing before the flush").isEmpty();

        store().flush();
        assertThat(written()).singleElement().satisfies(kv -> assertThat(kv.value.events()).isEqualTo(2));

        folder.process(record(hit("r|user.name=tanaka", "e-3", T0, null)));
        folder.process(record(hit("r|user.name=sato", "s-1", T0, null)));
        folder.sendAll();
        assertThat(written()).as("sent, but not yet flushed").hasSize(1);
        store().flush();
        assertThat(written()).as("the fold written before is deleted, the one never written stays unwritten").isEmpty();
        assertThat(sent()).extracting(RuleHit::events).containsExactly(3L, 1L);
    }

    @Test
    void shouldWriteAtEachFlushTheFoldAsItStandsThen() {
        HitFolder folder = folder();
        folder.process(record(hit("r|user.name=tanaka", "e-1", T0, null)));
        store().flush();
        folder.process(record(hit("r|user.name=tanaka", "e-2", T0, null)));
        assertThat(written()).singleElement().satisfies(kv -> assertThat(kv.value.events()).isEqualTo(1));

        store().flush();
        assertThat(written()).singleElement().satisfies(kv -> {
            assertThat(kv.value.events()).as("a repeat folded in place is written at the next flush").isEqualTo(2);
            assertThat(kv.value.eventIds()).containsExactly("e-1", "e-2");
        });
    }

    @Test
    void shouldSendOnTheFoldsARestoredStoreHolds() {
        HitFolder before = folder();
        before.process(record(hit("r|user.name=tanaka", "e-1", T0, null)));
        before.process(record(hit("r|user.name=tanaka", "e-2", T0, null)));
        store().flush(); // the commit; then the task is lost, and its store restored from the changelog elsewhere

        HitFolder after = folder();
        after.process(record(hit("r|user.name=tanaka", "e-2", T0, null)));
        after.process(record(hit("r|user.name=tanaka", "e-3", T0, null)));
        after.sendAll();

        assertThat(sent()).singleElement().satisfies(fold -> {
            assertThat(fold.events()).isEqualTo(3);
            assertThat(fold.eventIds()).containsExactly("e-1", "e-2", "e-3");
        });
        assertThat(counters.replays.get()).isEqualTo(1);
        store().flush();
        assertThat(written()).isEmpty();
    }

    @Test
    void shouldPassCorrelationHitsAtOnce() {
        HitFolder folder = folder();
        folder.process(record(hit("c|user.name=tanaka", "e-1", T0, "c")));
        folder.process(record(hit("c|user.name=tanaka", "e-2", T0, "c")));

        assertThat(sent()).extracting(RuleHit::eventId).containsExactly("e-1", "e-2");
        assertThat(store().folds()).isEmpty();
    }

    @Test
    void shouldCountAReplayWithinTheFoldOnce() {
        HitFolder folder = folder();
        folder.process(record(hit("r|user.name=tanaka", "e-1", T0, null)));
        folder.process(record(hit("r|user.name=tanaka", "e-2", T0, null)));
        folder.process(record(hit("r|user.name=tanaka", "e-1", T0, null)));
        folder.process(record(hit("r|user.name=tanaka", "e-2", T0, null)));
        folder.sendAll();

        assertThat(sent()).singleElement().extracting(RuleHit::events).isEqualTo(2L);
        assertThat(counters.replays.get()).isEqualTo(2);
        assertThat(counters.hitsProcessed.get()).isEqualTo(2);
    }

    @Test
    void shouldSendAFoldAtOnceWhenAHitLiesBeyondItsSpan() {
        HitFolder folder = folder();
        folder.process(record(hit("r|user.name=tanaka", "e-1", T0, null)));
        folder.process(record(hit("r|user.name=tanaka", "e-2", T0.plusSeconds(29), null)));
        folder.process(record(hit("r|user.name=tanaka", "e-3", T0.plusSeconds(30), null)));

        assertThat(sent()).singleElement().extracting(RuleHit::events).isEqualTo(2L);
        folder.process(record(hit("r|user.name=tanaka", "e-4", T0.minusSeconds(1), null))); // late, 31 s before e-3
        assertThat(sent()).singleElement().extracting(RuleHit::eventId).isEqualTo("e-3");
        folder.sendAll();
        assertThat(sent()).singleElement().extracting(RuleHit::eventId).isEqualTo("e-4");
    }

    @Test
    void shouldSendTheEldestFoldWhenTooManyArePending() {
        HitFolder folder = folder();
        for (int i = 0; i <= HitFolder.MAX_PENDING; i++) {
            folder.process(record(hit("r|user.name=u" + i, "e-" + i, T0, null)));
        }

        assertThat(sent()).singleElement().extracting(RuleHit::dedupKey).isEqualTo("r|user.name=u0");
        folder.sendAll();
        assertThat(sent()).hasSize(HitFolder.MAX_PENDING);
    }
}
