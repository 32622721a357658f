package jp.ishigaki.metrics.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ring of end-offset samples and the rates it yields, without Kafka. */
class PipelineRatesTest {

    private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");

    private static PipelineSample at(int seconds, long raw, long detections, long dlq) {
        return new PipelineSample(T0.plusSeconds(seconds), Map.of(PipelineRates.RAW, raw,
                PipelineRates.DETECTIONS, detections, PipelineRates.DLQ, dlq));
    }

    @Test
    void shouldDeriveRatesAndTheDeadLetterRateFromOffsetDifferences() {
        PipelineRates rates = new PipelineRates(Duration.ofSeconds(5), Duration.ofHours(1));
        rates.add(at(0, 1_000, 50, 10));
        rates.add(at(5, 1_100, 55, 15));
        rates.add(at(10, 1_300, 60, 15));

        PipelineRates.Snapshot s = rates.snapshot(Duration.ofSeconds(5), Duration.ofMinutes(1));
        assertThat(s.latest().events()).isEqualTo(200);
        assertThat(s.latest().eventsPerSecond()).isEqualTo(40.0);
        assertThat(s.latest().deadLetterRate()).isEqualTo(0.0);
        assertThat(s.window().seconds()).isEqualTo(10.0);
        assertThat(s.window().events()).isEqualTo(300);
        assertThat(s.window().detectionsPerSecond()).isEqualTo(1.0);
        assertThat(s.window().deadLetters()).isEqualTo(5);
        assertThat(s.window().deadLetterRate()).isEqualTo(5 / 300.0, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(s.series()).hasSize(2);
        assertThat(s.series().get(0).deadLetterRate()).isEqualTo(0.05);
        assertThat(s.endOffsets()).containsEntry(PipelineRates.RAW, 1_300L);
    }

    @Test
    void shouldNotCountARecreatedOrMissingTopicAndHaveNoRateWithoutRawEvents() {
        PipelineRates rates = new PipelineRates(Duration.ofSeconds(5), Duration.ofHours(1));
        rates.add(new PipelineSample(T0, Map.of(PipelineRates.RAW, 500L)));
        rates.add(new PipelineSample(T0.plusSeconds(5), Map.of(PipelineRates.RAW, 20L, PipelineRates.DLQ, 7L)));
        PipelineRates.Interval i = rates.snapshot(Duration.ofSeconds(5), Duration.ofMinutes(1)).latest();
        assertThat(i.events()).isZero();
        assertThat(i.deadLetters()).isZero();
        assertThat(i.deadLetterRate()).isNull();
    }

    @Test
    void shouldKeepOnlyTheRetentionAndIgnoreSamplesOutOfOrder() {
        PipelineRates rates = new PipelineRates(Duration.ofSeconds(5), Duration.ofMinutes(1));
        for (int i = 0; i <= 120; i++) {
            rates.add(at(i * 5, i * 10L, 0, 0));
        }
        assertThat(rates.size()).isLessThanOrEqualTo(14);
        rates.add(at(100, 0, 0, 0));
        PipelineRates.Snapshot s = rates.snapshot(Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertThat(s.sampledAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(s.window().seconds()).isEqualTo(30.0);
        assertThat(s.window().eventsPerSecond()).isEqualTo(2.0);
        assertThat(s.series().get(0).from()).isAfterOrEqualTo(T0.plusSeconds(540));
    }

    @Test
    void shouldKeepSamplesTakenOnDemandWithinTheRetentionWhateverTheInterval() {
        PipelineRates rates = new PipelineRates(Duration.ofHours(1), Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            rates.add(at(i, i * 100L, 0, 0));
        }
        assertThat(rates.snapshot(Duration.ofHours(1), Duration.ofMinutes(1)).series()).hasSize(9)
                .allSatisfy(i -> assertThat(i.eventsPerSecond()).isEqualTo(100.0));
    }

    @Test
    void shouldHaveNoFiguresBeforeTwoSamples() {
        PipelineRates rates = new PipelineRates(Duration.ofSeconds(5), Duration.ofHours(1));
        assertThat(rates.snapshot(Duration.ofSeconds(5), Duration.ofMinutes(1)).latest()).isNull();
        rates.add(at(0, 1, 1, 1));
        PipelineRates.Snapshot s = rates.snapshot(Duration.ofSeconds(5), Duration.ofMinutes(1));
        assertThat(s.latest()).isNull();
        assertThat(s.window()).isNull();
        assertThat(s.endOffsets()).containsEntry(PipelineRates.RAW, 1L);
    }
}
