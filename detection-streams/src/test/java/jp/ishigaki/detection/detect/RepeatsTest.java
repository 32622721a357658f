package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.policy.Segment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

    private static RuleHit hit(String eventId, Instant at) {
        return new RuleHit("r|user.name=tanaka", "user.name=tanaka", "r", null, eventId, at, "pc-1", "tanaka", null,
                Segment.LGWAN, null, false, null, Map.of(), Map.of("event.id", eventId), null);
    }

    @Test
    void shouldGatherTheCountTheTimeSpanTheFirstIdsAndSamplesAndTheRecentHashes() {
        Repeats.Gathering gathering = new Repeats.Gathering(null);
        for (int i = 1; i < 300; i++) {
            // out of order now and then: first and last seen are the extremes, not the first and last added
            gathering.add(hit("e-" + i, T0.plusSeconds(i % 7 == 0 ? -i : i)));
        }

        Repeats gathered = gathering.repeats();
        assertThat(gathered.count()).isEqualTo(299);
        assertThat(gathered.firstSeen()).isEqualTo(T0.minusSeconds(294));
        assertThat(gathered.lastSeen()).isEqualTo(T0.plusSeconds(299));
        assertThat(gathered.eventIds()).hasSize(Detections.MAX_EVENT_IDS - 1).startsWith("e-1", "e-2");
        assertThat(gathered.samples()).hasSize(Detections.MAX_SAMPLES - 1);
        assertThat(gathered.recent().size()).isEqualTo(RecentEvents.CAPACITY);
        assertThat(gathering.includes("e-299")).isTrue();
        assertThat(gathering.includes("e-1")).as("beyond the recent hashes").isFalse();
        assertThat(gathered.recent().contains("e-172")).isTrue();
        assertThat(gathered.recent().contains("e-171")).as("the oldest gone").isFalse();
    }

    @Test
    void shouldGoOnFromRepeatsReadBackWithoutChangingThem() {
        Repeats before = new Repeats.Gathering(null).add(hit("e-1", T0.plusSeconds(1))).repeats();
        Repeats.Gathering gathering = new Repeats.Gathering(before);
        gathering.add(hit("e-2", T0.plusSeconds(2)));

        Repeats after = gathering.repeats();
        assertThat(after.count()).isEqualTo(2);
        assertThat(after.eventIds()).containsExactly("e-1", "e-2");
        assertThat(after.firstSeen()).isEqualTo(T0.plusSeconds(1));
        assertThat(after.lastSeen()).isEqualTo(T0.plusSeconds(2));
        assertThat(after.recent()).isEqualTo(RecentEvents.of("e-1").with("e-2"));
        assertThat(gathering.includes("e-1")).isTrue();
        assertThat(before.count()).isEqualTo(1);
        assertThat(before.eventIds()).containsExactly("e-1");
        assertThat(before.recent().contains("e-2")).isFalse();
    }
}
