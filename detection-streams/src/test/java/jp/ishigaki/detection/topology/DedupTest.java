package jp.ishigaki.detection.topology;

import jp.ishigaki.schemas.detection.Detection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DedupTest {

    private static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");

    private static Map<String, Object> onBattery(String eventId, Instant at) {
        return Map.of("@timestamp", at.toString(), "event.id", eventId, "observer.type", "ups",
                "observer.name", "ups-srv-room-1", "ups.id", "UPS-01", "ups.alarm", "upsAlarmOnBattery");
    }

    @Test
    void floodOfIdenticalHitsYieldsOneDetectionIdWithAGrowingCount() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            for (int i = 0; i < 1000; i++) {
                h.send(onBattery("ups-" + i, T0.plusMillis(i * 100L)));
            }
            h.advance(Duration.ofSeconds(1));    // the last fold is sent on,
            h.advance(Duration.ofSeconds(31));   // and its count published by the update punctuation

            List<Detection> published = h.detections.readValuesToList();
            assertThat(published).extracting(Detection::id).containsOnly(published.get(0).id());
            assertThat(published).extracting(Detection::dedupKey).containsOnly("ups-on-battery|ups.id=UPS-01");
            // the hits within 30 s (the update interval) of each other cross the repartition as one fold
            assertThat(published.get(0).count()).isEqualTo(300);
            assertThat(published).extracting(Detection::count).isSorted();
            assertThat(published.get(published.size() - 1).count()).isEqualTo(1000);
            // 100 s of hits at a 30 s update interval: first + 3 interval updates + the final flush at most.
            assertThat(published.size()).isBetween(3, 6);
            Detection last = published.get(published.size() - 1);
            assertThat(last.firstSeen()).isEqualTo(T0);
            assertThat(last.lastSeen()).isEqualTo(T0.plusMillis(99_900));
            assertThat(last.eventIds()).hasSize(10).startsWith("ups-0");
            assertThat(last.samples()).hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    void replayOfTheSameEventGivesTheSameDetectionIdAndIsNotCountedTwice() {
        String firstId;
        // RocksDB-backed stores here, as in production.
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings(), true)) {
            h.send(onBattery("ups-a", T0));
            h.send(onBattery("ups-a", T0));
            h.send(onBattery("ups-b", T0.plusSeconds(40)));
            List<Detection> published = h.detections.readValuesToList();
            firstId = published.get(0).id();
            assertThat(published).extracting(Detection::count).containsExactly(1L, 2L);
        }
        try (TopologyHarness replay = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            replay.send(onBattery("ups-a", T0));
            assertThat(replay.detections.readValue().id()).isEqualTo(firstId);
        }
    }

    @Test
    void replaysAmongTheLastHitsOfAFloodAreNotCountedAgain() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            for (int i = 0; i < 500; i++) {
                h.send(onBattery("ups-" + i, T0.plusMillis(i * 10L)));
            }
            for (int i = 450; i < 500; i++) {
                h.send(onBattery("ups-" + i, T0.plusMillis(i * 10L)));
            }
            h.advance(Duration.ofSeconds(31));

            List<Detection> published = h.detections.readValuesToList();
            assertThat(published.get(published.size() - 1).count()).isEqualTo(500);
            assertThat(h.counters.replays.get()).isEqualTo(50);
            assertThat(h.counters.received.get()).isEqualTo(550);
            assertThat(h.counters.hitsProcessed.get()).isEqualTo(h.counters.hitsEmitted.get()).isEqualTo(550);
        }
    }

    @Test
    void hitsAfterTheSuppressionWindowOpenANewDetection() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN,
                TopologySettings.defaults().withSuppressionWindow(Duration.ofMinutes(10)))) {
            h.send(onBattery("w1", T0));
            h.send(onBattery("w2", T0.plus(Duration.ofMinutes(11))));
            List<Detection> published = h.detections.readValuesToList();
            assertThat(published).hasSize(2);
            assertThat(published.get(0).id()).isNotEqualTo(published.get(1).id());
            assertThat(published).extracting(Detection::count).containsExactly(1L, 1L);
        }
    }

    @Test
    void differentEntitiesAreDifferentDetections() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            h.send(onBattery("e1", T0));
            h.send(Map.of("@timestamp", T0.toString(), "event.id", "e2", "observer.type", "ups", "ups.id", "UPS-02",
                    "ups.alarm", "upsAlarmOnBattery"));
            assertThat(h.detections.readValuesToList()).extracting(Detection::dedupKey)
                    .containsExactly("ups-on-battery|ups.id=UPS-01", "ups-on-battery|ups.id=UPS-02");
        }
    }

    @Test
    void replayArrivingInALaterFoldIsNotCountedAgain() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings(), true)) {
            h.send(onBattery("r1", T0));
            h.send(onBattery("r2", T0.plusSeconds(1)));
            assertThat(h.detections.readValuesToList()).extracting(Detection::count).containsExactly(2L);
            h.send(onBattery("r2", T0.plusSeconds(1)));   // replayed, folded with a new event
            h.send(onBattery("r3", T0.plusSeconds(2)));
            h.send(onBattery("r1", T0));                  // replayed alone, in a fold of its own later
            h.advance(Duration.ofSeconds(1));
            h.send(onBattery("r1", T0));
            h.advance(Duration.ofSeconds(31));

            List<Detection> published = h.detections.readValuesToList();
            assertThat(published).extracting(Detection::count).containsExactly(3L);
            assertThat(published.get(0).eventIds()).containsExactly("r1", "r2", "r3");
            assertThat(h.counters.replays.get()).isEqualTo(3);
            assertThat(h.counters.hitsProcessed.get()).isEqualTo(h.counters.hitsEmitted.get());
        }
    }

    @Test
    void pendingCountIsPublishedByThePunctuationWithoutFurtherHits() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            h.send(onBattery("p1", T0));
            assertThat(h.detections.readValuesToList()).extracting(Detection::count).containsExactly(1L);
            h.send(onBattery("p2", T0.plusSeconds(1)));
            h.send(onBattery("p3", T0.plusSeconds(2)));
            assertThat(h.detections.isEmpty()).isTrue();
            h.advance(Duration.ofSeconds(30));
            assertThat(h.detections.readValuesToList()).extracting(Detection::count).containsExactly(3L);
            h.advance(Duration.ofSeconds(30));
            assertThat(h.detections.isEmpty()).isTrue();

            // The first punctuation after a start read the whole store (as after a restart, when it may hold counts an
            // earlier instance left unpublished); the ones after follow what was written since.
            h.send(onBattery("p4", T0.plusSeconds(3)));
            h.send(onBattery("other-ups", T0.plusSeconds(3)).entrySet().stream().collect(java.util.stream.Collectors
                    .toMap(Map.Entry::getKey, e -> e.getKey().equals("ups.id") ? (Object) "UPS-02" : e.getValue())));
            h.send(onBattery("p5", T0.plusSeconds(4)));
            assertThat(h.detections.readValuesToList()).as("UPS-02's first hit, published at once")
                    .extracting(Detection::dedupKey, Detection::count).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("ups-on-battery|ups.id=UPS-02", 1L));
            h.advance(Duration.ofSeconds(30));
            assertThat(h.detections.readValuesToList()).extracting(Detection::dedupKey, Detection::count).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("ups-on-battery|ups.id=UPS-01", 5L));
            h.advance(Duration.ofSeconds(30));
            assertThat(h.detections.isEmpty()).isTrue();
        }
    }

    @Test
    void outOfOrderHitsFoldIntoTheWindowThatCoversThemNotTheNewestOne() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings(), true)) {
            h.send(onBattery("o1", T0));
            h.send(onBattery("o2", T0.plus(Duration.ofMinutes(25))));
            h.send(onBattery("o3", T0.plus(Duration.ofMinutes(12))));   // covered by neither: a third window
            h.send(onBattery("o4", T0.plus(Duration.ofMinutes(24))));   // folds into o2's window
            h.send(onBattery("o5", T0.plus(Duration.ofMinutes(13))));   // late: folds into o3's window
            h.send(onBattery("o6", T0.plus(Duration.ofMinutes(26))));   // folds into o2's window again
            h.advance(Duration.ofSeconds(31));
            Map<String, Long> finalCounts = new java.util.LinkedHashMap<>();
            Map<String, String> openedBy = new java.util.LinkedHashMap<>();
            for (Detection d : h.detections.readValuesToList()) {
                finalCounts.merge(d.id(), d.count(), Math::max);
                openedBy.putIfAbsent(d.id(), d.eventIds().get(0));
            }
            assertThat(openedBy.values()).containsExactly("o1", "o2", "o3");
            assertThat(finalCounts.values()).containsExactly(1L, 3L, 2L);
        }
    }
}
