package jp.ishigaki.timeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md §7: the hash chain detects a changed, removed or re-linked entry. */
class TimelineChainTest {

    private static List<TimelineEntry> chain(int n) {
        List<TimelineEntry> entries = new ArrayList<>();
        TimelineEntry prev = null;
        for (int i = 0; i < n; i++) {
            prev = TimelineChain.next(prev, "inc-1", Instant.parse("2026-11-26T01:00:00.123456789Z").plusSeconds(i),
                    "yamada", "COMMENTED", "コメント " + i);
            entries.add(prev);
        }
        return entries;
    }

    @Test
    void shouldChainEachEntryToThePreviousOne() {
        List<TimelineEntry> entries = chain(3);
        assertThat(entries.get(0).prevHash()).isEqualTo(TimelineChain.GENESIS);
        assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(0).at().getNano() % 1000).as("stored precision: microseconds").isZero();
        assertThat(TimelineChain.verify(entries).intact()).isTrue();
    }

    @Test
    void shouldReportAChangedText() {
        List<TimelineEntry> entries = chain(4);
        TimelineEntry e = entries.get(2);
        entries.set(2, new TimelineEntry(e.incidentId(), e.seq(), e.at(), e.actor(), e.type(), "改ざん", e.prevHash(), e.hash()));
        TimelineChain.Verification v = TimelineChain.verify(entries);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("changed");
    }

    @Test
    void shouldReportARemovedEntry() {
        List<TimelineEntry> entries = chain(4);
        entries.remove(1);
        TimelineChain.Verification v = TimelineChain.verify(entries);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(2);
    }

    @Test
    void shouldReportARecomputedEntryThatNoLongerLinks() {
        List<TimelineEntry> entries = chain(3);
        TimelineEntry e = entries.get(1);
        String forged = TimelineChain.hash(e.incidentId(), e.seq(), e.at(), e.actor(), e.type(), "偽装", e.prevHash());
        entries.set(1, new TimelineEntry(e.incidentId(), e.seq(), e.at(), e.actor(), e.type(), "偽装", e.prevHash(), forged));
        TimelineChain.Verification v = TimelineChain.verify(entries);
        assertThat(v.firstBrokenSeq()).as("the next entry no longer links").isEqualTo(3);
    }

    @Test
    void shouldNotLetFieldBoundariesShift() {
        String a = TimelineChain.hash("i", 1, Instant.EPOCH, "ab", "c", "x", TimelineChain.GENESIS);
        String b = TimelineChain.hash("i", 1, Instant.EPOCH, "a", "bc", "x", TimelineChain.GENESIS);
        assertThat(a).isNotEqualTo(b);
    }
}
