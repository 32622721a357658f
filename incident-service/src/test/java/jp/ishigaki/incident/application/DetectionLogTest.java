package jp.ishigaki.incident.application;

import jp.ishigaki.incident.domain.DetectionRecord;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The evidence kept per detection: samples bounded in number and size, and order-independent folding of copies. */
class DetectionLogTest {

    private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");

    private final DetectionLog log = new DetectionLog(null, new DetectionsConfig() {
        @Override
        public int maxSamples() {
            return 3;
        }

        @Override
        public int maxSampleBytes() {
            return 1024;
        }
    }, Clock.systemUTC());

    @Test
    void shouldKeepTheFirstSamplesAndCutAnOversizedOneIntoAMarkedValidJsonText() throws Exception {
        String emoji = "😀".repeat(2000);
        List<String> kept = log.samples(List.of(Map.of("n", 1), Map.of("message", emoji), Map.of("n", 3),
                Map.of("n", 4)));

        assertThat(kept).hasSize(3);
        assertThat(kept.get(0)).isEqualTo("{\"n\":1}");
        assertThat(kept.get(1).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        var cut = Json.mapper().readTree(kept.get(1));
        assertThat(cut.get(DetectionLog.TRUNCATED).asBoolean()).isTrue();
        assertThat(cut.get(DetectionLog.ORIGINAL_BYTES).asLong()).isGreaterThan(8000);
        assertThat(cut.get(DetectionLog.HEAD).asText()).startsWith("{\"message\":\"😀").doesNotContain("\uFFFD");
        assertThat(kept.get(2)).isEqualTo("{\"n\":3}");
    }

    @Test
    void shouldFoldCopiesOfADetectionWhateverTheirOrder() {
        DetectionRecord early = record(3, T0.plusSeconds(60), List.of("a"), List.of(Control.MN_MFA));
        DetectionRecord late = record(7, T0.plusSeconds(180), List.of("a", "b"), List.of(Control.MN_MFA));

        DetectionRecord forward = early.absorb(late, 3);
        DetectionRecord backward = late.absorb(early, 3);

        assertThat(forward.count()).isEqualTo(7);
        assertThat(forward.lastSeen()).isEqualTo(T0.plusSeconds(180));
        assertThat(forward.samples()).containsExactly("a", "b");
        assertThat(backward.count()).isEqualTo(7);
        assertThat(backward.samples()).containsExactly("a", "b");
        assertThat(late.absorb(early, 3).sameAs(late)).as("an older copy changes nothing").isTrue();
        assertThat(early.absorb(record(9, T0, List.of("c", "d", "e"), List.of(Control.LG_SPLIT)), 3).samples())
                .containsExactly("a", "c", "d");
    }

    private static DetectionRecord record(long count, Instant last, List<String> samples, List<Control> controls) {
        Detection d = new Detection("det-1", "k", "rule", "title", Detection.RuleKind.single, Severity.HIGH,
                Severity.HIGH, List.of("why"), Threat.T1_01, controls, List.of(), Segment.LGWAN, "h", "u", "ip",
                null, "s", count, T0, last, List.of(), List.of());
        return DetectionRecord.of("inc-1", d, samples, last);
    }
}
