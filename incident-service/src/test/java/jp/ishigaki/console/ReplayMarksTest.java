package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.ishigaki.console.rejected.ReplayMarks;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay marks in MariaDB: one first claim wins, a repeat must name the count it saw, a failed send gives it back. */
@QuarkusTest
class ReplayMarksTest {

    private static final String TOPIC = "replay-marks-test";

    @Inject
    ReplayMarks marks;

    @Test
    void onlyOneFirstClaimAndRepeatsNeedTheCountTheySaw() {
        long offset = ThreadLocalRandom.current().nextLong(1_000_000_000L);
        assertThat(marks.claim(TOPIC, 0, offset, "sato", 0)).isInstanceOf(ReplayMarks.Granted.class);
        ReplayMarks.Claim second = marks.claim(TOPIC, 0, offset, "suzuki", 0);
        assertThat(second).isInstanceOfSatisfying(ReplayMarks.Refused.class, r -> {
            assertThat(r.current().lastBy()).isEqualTo("sato");
            assertThat(r.current().count()).isEqualTo(1);
        });
        assertThat(marks.claim(TOPIC, 0, offset, "suzuki", 2)).isInstanceOf(ReplayMarks.Refused.class);
        assertThat(marks.claim(TOPIC, 0, offset, "suzuki", 1)).isInstanceOf(ReplayMarks.Granted.class);
        ReplayMarks.Mark mark = marks.at(TOPIC, 0, offset).orElseThrow();
        assertThat(mark.count()).isEqualTo(2);
        assertThat(mark.firstBy()).isEqualTo("sato");
        assertThat(mark.lastBy()).isEqualTo("suzuki");
        assertThat(marks.between(TOPIC, offset, offset)).containsKey("0@" + offset);
    }

    @Test
    void aClaimWhoseRecordCouldNotBeSentIsGivenBack() {
        long offset = ThreadLocalRandom.current().nextLong(1_000_000_000L);
        ReplayMarks.Granted first = (ReplayMarks.Granted) marks.claim(TOPIC, 1, offset, "sato", 0);
        marks.release(TOPIC, 1, offset, first);
        assertThat(marks.at(TOPIC, 1, offset)).isEmpty();

        marks.claim(TOPIC, 1, offset, "sato", 0);
        ReplayMarks.Mark before = marks.at(TOPIC, 1, offset).orElseThrow();
        ReplayMarks.Granted again = (ReplayMarks.Granted) marks.claim(TOPIC, 1, offset, "suzuki", 1);
        marks.release(TOPIC, 1, offset, again);
        ReplayMarks.Mark after = marks.at(TOPIC, 1, offset).orElseThrow();
        assertThat(after.count()).isEqualTo(1);
        assertThat(after.lastBy()).isEqualTo("sato");
        assertThat(after.lastAt()).isEqualTo(before.lastAt());
    }
}
