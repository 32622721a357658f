package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.RawJsonObject;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DedupStateSerdeTest {

    private final DedupStateSerde serde = new DedupStateSerde();

    private static Detection detection() {
        RawJsonObject sample = RawJsonObject.of("{\"message\":\"<script>x</script>\"}".getBytes(StandardCharsets.UTF_8));
        return new Detection("d-1", "r|host.name=pc-1", "r", "UPS on battery", Detection.RuleKind.single,
                Severity.MEDIUM, Severity.HIGH, List.of("segment"), Threat.T4_01, List.of(), List.of(), Segment.LGWAN,
                "pc-1", null, null, null, "UPS on battery (host.name=pc-1) [×3]", 3, Instant.parse("2026-11-26T00:00:00Z"),
                Instant.parse("2026-11-26T00:01:00Z"), List.of("e-1", "e-2", "e-3"), List.of(sample));
    }

    @Test
    void shouldRoundTripTheWindowTheDetectionAndTheRecentEvents() {
        RecentEvents recent = RecentEvents.of("e-1").with("e-2").with("e-3");
        DedupState state = new DedupState(detection(), 1_000, 2, 1_500, recent);

        DedupState back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));

        assertThat(back.detection()).isEqualTo(state.detection());
        assertThat(back.detection().samples().get(0)).isEqualTo(Map.of("message", "<script>x</script>"));
        assertThat(List.of(back.windowStartMs(), back.emittedCount(), back.emittedAtMs())).containsExactly(1_000L, 2L, 1_500L);
        assertThat(back.recent().contains("e-2")).isTrue();
        assertThat(back.recent().contains("e-4")).isFalse();
        assertThat(back.dirty()).isTrue();
    }

    @Test
    void shouldWriteTheDetectionJsonOncePerWindowWhileOnlyCountAndTimesChange() {
        DedupState opened = new DedupState(detection(), 1_000, 3, 1_000, RecentEvents.of("e-1"));
        DedupState growing = opened.folded(Detections.absorb(opened.detection(), hit("e-4", "2026-11-26T00:02:00Z"), 1),
                opened.recent().with("e-4"));
        DedupState full = growing;
        for (int i = 5; i <= 12; i++) {
            full = full.folded(Detections.absorb(full.detection(), hit("e-" + i, "2026-11-26T00:03:00Z"), 1),
                    full.recent().with("e-" + i));
        }
        DedupState later = full.folded(Detections.absorb(full.detection(), hit("e-13", "2026-11-26T00:04:00Z"), 1),
                full.recent().with("e-13"));

        assertThat(growing.json()).as("an event id was added").isNotSameAs(opened.json());
        assertThat(full.detection().eventIds()).hasSize(Detections.MAX_EVENT_IDS);
        assertThat(later.json()).as("only count and times changed").isSameAs(full.json());
        DedupState back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", later));
        assertThat(back.detection()).isEqualTo(later.detection());
        assertThat(back.detection().count()).isEqualTo(13);
        assertThat(back.detection().summary()).isEqualTo("UPS on battery (host.name=pc-1) [×13]");
        assertThat(back.detection().lastSeen()).isEqualTo(Instant.parse("2026-11-26T00:04:00Z"));
    }

    @Test
    void shouldReadTheStatesOfLayoutOne() throws Exception {
        Detection d = detection();
        byte[] json = jp.ishigaki.schemas.topic.Json.mapper().writeValueAsBytes(d);
        java.nio.ByteBuffer v1 = java.nio.ByteBuffer.allocate(1 + 3 * 8 + 2 * 4 + 8 + json.length);
        v1.put((byte) 1).putLong(1_000).putLong(2).putLong(1_500).putInt(1).putInt(0)
                .putLong(RecentEvents.hash("e-1")).put(json);

        DedupState back = serde.deserializer().deserialize("t", v1.array());

        assertThat(back.detection()).isEqualTo(d);
        assertThat(back.windowStartMs()).isEqualTo(1_000);
        assertThat(back.recent().contains("e-1")).isTrue();
    }

    @Test
    void shouldKeepLayoutTwoByteForByteWithAFullRingOfRecentEvents() {
        RecentEvents recent = RecentEvents.none();
        for (int i = 0; i < RecentEvents.CAPACITY + 5; i++) {
            recent = recent.with("e-" + i);
        }
        DedupState state = new DedupState(detection(), 1_000, 2, 1_500, recent);
        byte[] json = state.json().bytes();
        long[] hashes = recent.hashes();
        // layout 2 as stored since its introduction: big-endian numbers, written one by one
        java.nio.ByteBuffer expected = java.nio.ByteBuffer.allocate(1 + 4 * 8 + 2 * 12 + 2 * 4 + hashes.length * 8 + json.length);
        expected.put((byte) 2).putLong(1_000).putLong(2).putLong(1_500).putLong(3)
                .putLong(Instant.parse("2026-11-26T00:00:00Z").getEpochSecond()).putInt(0)
                .putLong(Instant.parse("2026-11-26T00:01:00Z").getEpochSecond()).putInt(0)
                .putInt(hashes.length).putInt(recent.next());
        for (long hash : hashes) {
            expected.putLong(hash);
        }
        expected.put(json);

        byte[] written = serde.serializer().serialize("t", state);
        DedupState back = serde.deserializer().deserialize("t", written);

        assertThat(written).isEqualTo(expected.array());
        assertThat(recent.size()).isEqualTo(RecentEvents.CAPACITY);
        assertThat(back.recent().hashes()).isEqualTo(hashes);
        assertThat(back.recent().next()).isEqualTo(5);
        assertThat(back.recent().contains("e-4")).isFalse();
        assertThat(back.recent().contains("e-5")).isTrue();
        assertThat(back.recent().contains("e-" + (RecentEvents.CAPACITY + 4))).isTrue();
        assertThat(back.detection()).isEqualTo(state.detection());
    }

    private static RuleHit hit(String eventId, String at) {
        return new RuleHit("r|host.name=pc-1", "host.name=pc-1", "r", null, eventId, Instant.parse(at), "pc-1", null,
                null, Segment.LGWAN, null, false, null, Map.of(), null, null);
    }

    @Test
    void shouldRefuseBytesItDidNotWrite() {
        byte[] bytes = serde.serializer().serialize("t", new DedupState(detection(), 0, 3, 0, RecentEvents.of("e")));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, 20)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {3}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("version 3");
    }
}
