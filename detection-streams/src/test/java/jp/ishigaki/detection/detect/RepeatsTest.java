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
    void shouldGatherInPlaceWhatFoldingOneHitAtATimeGives() {
        RuleHit folded = hit("e-0", T0);
        Repeats.Gathering gathering = new Repeats.Gathering(null);
        for (int i = 1; i < 300; i++) {
            // out of order now and then: first and last seen are the extremes, not the first and last added
            RuleHit next = hit("e-" + i, T0.plusSeconds(i % 7 == 0 ? -i : i));
            folded = folded.withRepeat(next);
            gathering.add(next);
        }

        Repeats gathered = gathering.repeats();
        assertThat(gathered).isEqualTo(folded.repeats());
        assertThat(gathered.count()).isEqualTo(299);
        assertThat(gathered.firstSeen()).isEqualTo(T0.minusSeconds(294));
        assertThat(gathered.lastSeen()).isEqualTo(T0.plusSeconds(299));
        assertThat(gathered.eventIds()).hasSize(Detections.MAX_EVENT_IDS - 1).startsWith("e-1", "e-2");
        assertThat(gathered.samples()).hasSize(Detections.MAX_SAMPLES - 1);
        assertThat(gathering.includes("e-299")).isTrue();
        assertThat(gathering.includes("e-1")).as("beyond the recent hashes").isFalse();
    }

    @Test
    void shouldGoOnFromRepeatsReadBackWithoutChangingThem() {
        Repeats before = hit("e-0", T0).withRepeat(hit("e-1", T0.plusSeconds(1))).repeats();
        Repeats.Gathering gathering = new Repeats.Gathering(before);
        gathering.add(hit("e-2", T0.plusSeconds(2)));

        assertThat(gathering.repeats()).isEqualTo(before.with(hit("e-2", T0.plusSeconds(2))));
        assertThat(gathering.includes("e-1")).isTrue();
        assertThat(before.count()).isEqualTo(1);
        assertThat(before.eventIds()).containsExactly("e-1");
    }
}
