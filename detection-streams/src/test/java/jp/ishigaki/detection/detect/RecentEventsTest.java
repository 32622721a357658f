package jp.ishigaki.detection.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentEventsTest {

    @Test
    void shouldRecogniseTheLastEventsAndForgetTheOldestBeyondCapacity() {
        RecentEvents recent = RecentEvents.of("e-0");
        for (int i = 1; i < RecentEvents.CAPACITY; i++) {
            recent = recent.with("e-" + i);
        }
        assertThat(recent.size()).isEqualTo(RecentEvents.CAPACITY);
        assertThat(recent.contains("e-0")).isTrue();
        assertThat(recent.contains("e-" + RecentEvents.CAPACITY)).isFalse();

        RecentEvents next = recent.with("e-new");

        assertThat(next.contains("e-new")).isTrue();
        assertThat(next.contains("e-0")).as("the oldest left").isFalse();
        assertThat(next.contains("e-1")).isTrue();
        assertThat(recent.contains("e-new")).as("immutable").isFalse();
    }

    @Test
    void shouldNotConfuseIdsWhoseStringHashesCollide() {
        // "Aa" and "BB" share String.hashCode; the other half of the 64-bit hash tells them apart.
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(RecentEvents.of("Aa").contains("BB")).isFalse();
    }

    @Test
    void shouldGatherInARingWhatWithGivesOneEventAtATime() {
        RecentEvents chained = RecentEvents.of("e-0");
        RecentEvents.Ring ring = new RecentEvents.Ring(RecentEvents.of("e-0"));
        for (int i = 1; i < RecentEvents.CAPACITY + 40; i++) {
            chained = chained.with("e-" + i);
            ring.add("e-" + i);
            if (i == 5 || i == RecentEvents.CAPACITY - 1 || i == RecentEvents.CAPACITY + 39) {
                assertThat(ring.events()).as("after " + i).isEqualTo(chained);
                assertThat(ring.events().next()).isEqualTo(chained.next());
            }
        }
        assertThat(ring.contains("e-" + (RecentEvents.CAPACITY + 39))).isTrue();
        assertThat(ring.contains("e-39")).as("gone with the oldest").isFalse();
        assertThat(ring.contains("e-40")).isTrue();

        RecentEvents snapshot = ring.events();
        ring.add("e-later");
        assertThat(snapshot.contains("e-later")).as("a copy").isFalse();
        assertThat(new RecentEvents.Ring(snapshot).add("e-later").events()).isEqualTo(ring.events());
    }
}
