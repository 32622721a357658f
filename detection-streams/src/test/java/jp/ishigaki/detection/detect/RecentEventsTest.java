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
}
