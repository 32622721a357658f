package jp.ishigaki.detection.topology;

import jp.ishigaki.detection.sigma.RuleSet;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.event.RejectReason;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetteringTest {

    private static final Map<String, Object> UPS = Map.of("observer.type", "ups", "ups.alarm", "upsAlarmOnBattery",
            "ups.id", "UPS-01", "observer.name", "ups-srv-room-1");

    @Test
    void shouldDeadLetterInvalidRecordsWithReasonAndPositionAndKeepProcessing() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            h.raw.pipeInput("pc-1", "{not json".getBytes(StandardCharsets.UTF_8));
            h.raw.pipeInput("pc-2", "{\"@timestamp\":\"2026-11-26T10:00:00+09:00\",\"event.kind\":\"event\",\"observer.type\":\"ups\"}"
                    .getBytes(StandardCharsets.UTF_8));
            h.raw.pipeInput("pc-3", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x01});
            h.send(UPS);

            var letters = h.dlq.readRecordsToList();
            assertThat(letters).hasSize(3);
            DeadLetter notJson = letters.get(0).value();
            assertThat(notJson.reason()).isEqualTo(RejectReason.NOT_JSON);
            assertThat(notJson.sourceTopic()).isEqualTo(Topics.EVENTS_RAW.name());
            assertThat(notJson.partition()).isEqualTo(0);
            assertThat(notJson.offset()).isEqualTo(0);
            assertThat(notJson.key()).isEqualTo("pc-1");
            assertThat(notJson.value()).isEqualTo("{not json");
            assertThat(letters.get(0).key()).isEqualTo("pc-1");

            DeadLetter missing = letters.get(1).value();
            assertThat(missing.reason()).isEqualTo(RejectReason.MISSING_FIELD);
            assertThat(missing.detail()).contains("event.id");
            assertThat(missing.offset()).isEqualTo(1);

            DeadLetter binary = letters.get(2).value();
            assertThat(binary.value()).isNull();
            assertThat(Base64.getDecoder().decode(binary.valueBase64())).containsExactly(0xff, 0xfe, 0x00, 0x01);

            assertThat(h.classified.readValuesToList()).singleElement()
                    .satisfies(e -> assertThat(e.ruleIds()).contains("ups-on-battery"));
            assertThat(h.counters.received.get()).isEqualTo(4);
            assertThat(h.counters.deadLettered.get()).isEqualTo(3);
            assertThat(h.counters.classified.get()).isEqualTo(1);
        }
    }

    @Test
    void shouldDeadLetterAProcessingFailureAsProcessingFailedInsteadOfCrashing() {
        boolean[] broken = {true};
        RuleSet good = TopologyHarness.BUILTIN;
        try (TopologyHarness h = new TopologyHarness(() -> {
            if (broken[0]) {
                throw new IllegalStateException("rule engine exploded");
            }
            return good;
        }, TopologySettings.defaults())) {
            h.send(UPS);
            broken[0] = false;
            h.send(UPS);

            TestRecord<String, DeadLetter> letter = h.dlq.readRecord();
            assertThat(letter.value().reason()).isEqualTo(RejectReason.PROCESSING_FAILED);
            assertThat(letter.value().detail()).contains("rule engine exploded");
            assertThat(letter.value().value()).contains("upsAlarmOnBattery");
            assertThat(h.classified.readValuesToList()).hasSize(1);
            assertThat(h.counters.byReason.get("PROCESSING_FAILED").get()).isEqualTo(1);
        }
    }

    @Test
    void countersShouldAddUpToTheInput() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            h.send(UPS);
            h.send(Map.of("observer.type", "ups", "ups.alarm", "upsAlarmTestInProgress"));
            h.send(Map.of("observer.type", "printer", "event.action", "toner-low"));
            h.send(Map.of("observer.type", "security-cloud", "event.dataset", "seccloud.ids", "event.severity", 4,
                    "source.ip", "10.99.0.5", "labels.scan_window", "true"));
            h.raw.pipeInput("x", "[]".getBytes(StandardCharsets.UTF_8));

            assertThat(h.counters.received.get()).isEqualTo(5);
            assertThat(h.counters.classified.get()).isEqualTo(1);
            assertThat(h.counters.discarded.get()).isEqualTo(3);
            assertThat(h.counters.byReason.get("no_rule").get()).isEqualTo(2);
            assertThat(h.counters.byReason.get("discard_rule").get()).isEqualTo(1);
            assertThat(h.counters.deadLettered.get()).isEqualTo(1);
            assertThat(h.counters.classified.get() + h.counters.discarded.get() + h.counters.deadLettered.get())
                    .isEqualTo(h.counters.received.get());
            assertThat(h.classified.getQueueSize()).isEqualTo(1);
            assertThat(h.dlq.getQueueSize()).isEqualTo(1);
        }
    }
}
