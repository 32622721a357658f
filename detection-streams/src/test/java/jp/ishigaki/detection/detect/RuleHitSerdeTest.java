package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.topic.RawJsonObject;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleHitSerdeTest {

    private static final byte[] EVENT = """
            {"event":{"id":"e-1","code":"4625"},"message":"ログオン失敗 <b>x</b>"}""".getBytes(StandardCharsets.UTF_8);

    private final RuleHitSerde serde = new RuleHitSerde();

    private static RuleHit hit(Asset asset, Map<String, Object> sample, String correlationId) {
        return new RuleHit("corr|user.name=tanaka", "user.name=tanaka", "win-4625", correlationId, "e-1",
                Instant.parse("2026-11-26T01:02:03.123456789Z"), "pc-1", "tanaka", "10.0.0.7", Segment.LGWAN, asset,
                true, "10.0.0.7", Map.of("user.name", "tanaka"), sample, null);
    }

    @Test
    void shouldRoundTripEveryFieldAndKeepTheSampleBytes() {
        Asset asset = new Asset("A-1", "端末", List.of("pc-1"), List.of("10.0.0.0/24"), Segment.LGWAN, "市民課", "山田",
                "3A", "2", "2", Instant.parse("2026-11-01T00:00:00Z"));
        RuleHit hit = hit(asset, RawJsonObject.of(EVENT), "corr");

        RuleHit back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", hit));

        assertThat(back).isEqualTo(hit);
        assertThat(((RawJsonObject) back.sample()).utf8()).isEqualTo(EVENT);
    }

    @Test
    void shouldReadAnAssetChangedInTheInventoryAsChanged() {
        Asset before = new Asset("A-2", "端末", List.of("pc-2"), List.of(), Segment.LGWAN, "市民課", "山田", "2", "1", "1",
                Instant.parse("2026-11-01T00:00:00Z"));
        Asset after = new Asset("A-2", "端末", List.of("pc-2"), List.of(), Segment.MYNUMBER, "市民課", "佐藤", "3A", "2", "2",
                Instant.parse("2026-11-02T00:00:00Z"));

        for (Asset asset : List.of(before, before, after, after, before)) {
            RuleHit back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", hit(asset, null, null)));
            assertThat(back.asset()).isEqualTo(asset);
        }
    }

    @Test
    void shouldKeepNullsAndWriteAParsedSampleAsJson() {
        RuleHit hit = new RuleHit("r|-", "-", "r", null, "e-2", Instant.EPOCH, null, null, null, null, null, false,
                null, Map.of(), Map.of("message", "x"), null);

        RuleHit back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", hit));

        assertThat(back).isEqualTo(hit);
        assertThat(back.sample()).isEqualTo(Map.of("message", "x"));
    }

    @Test
    void shouldRefuseBytesItDidNotWrite() {
        byte[] bytes = serde.serializer().serialize("t", hit(null, null, null));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("version 9");
    }

    @Test
    void shouldRoundTripAFoldWithItsRepeats() {
        RuleHit first = hit(null, RawJsonObject.of(EVENT), null);
        Repeats.Gathering repeats = new Repeats.Gathering(null);
        for (int i = 2; i <= 200; i++) {
            repeats.add(new RuleHit(first.dedupKey(), first.partitionKey(), first.ruleId(), null, "e-" + i,
                    first.timestamp().plusSeconds(i % 7 - 3), "pc-1", "tanaka", null, Segment.LGWAN, null, false, null,
                    Map.of(), i % 2 == 0 ? RawJsonObject.of(EVENT) : null, null));
        }
        RuleHit fold = first.withRepeats(repeats.repeats());

        RuleHit back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", fold));

        assertThat(back).isEqualTo(fold);
        assertThat(back.events()).isEqualTo(200);
        assertThat(back.eventIds()).hasSize(Detections.MAX_EVENT_IDS).startsWith("e-1", "e-2", "e-3");
        assertThat(back.samples()).hasSize(Detections.MAX_SAMPLES);
        assertThat(back.firstSeen()).isEqualTo(fold.timestamp().minusSeconds(3));
        assertThat(back.lastSeen()).isEqualTo(fold.timestamp().plusSeconds(3));
        assertThat(back.repeats().recent().contains("e-200")).isTrue();
        assertThat(back.repeats().recent().contains("e-201")).isFalse();
        assertThat(back.eventId()).isEqualTo("e-1");
    }

    @Test
    void shouldRefuseRepeatsOutOfShape() {
        RuleHit fold = hit(null, null, null).withRepeats(new Repeats.Gathering(null).add(hit(null, null, null)).repeats());
        byte[] bytes = serde.serializer().serialize("t", fold);
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 5);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldRefuseALengthBeyondTheRecordWithoutAllocatingIt() {
        byte[] bytes = serde.serializer().serialize("t", hit(null, null, null));
        bytes[1] = 0x7f; // the dedup key's length, now about 2 GB

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes)).isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldReadHitsWrittenInTheDataOutputLayoutOfEarlierVersions() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            for (String text : new String[] {"r|pc-9", "pc-9", "r", null, "e-9"}) {
                writeText(out, text);
            }
            out.writeLong(1_800_000_000L);
            out.writeInt(5);
            for (String text : new String[] {"pc-9", null, null, "INTERNET"}) {
                writeText(out, text);
            }
            out.writeInt(-1);
            out.writeBoolean(false);
            writeText(out, "値");
            out.writeInt(1);
            writeText(out, "host.name");
            writeText(out, "pc-9");
            out.writeInt(EVENT.length);
            out.write(EVENT);
        }

        RuleHit back = serde.deserializer().deserialize("t", bytes.toByteArray());

        assertThat(back).isEqualTo(new RuleHit("r|pc-9", "pc-9", "r", null, "e-9", Instant.ofEpochSecond(1_800_000_000L, 5),
                "pc-9", null, null, Segment.INTERNET, null, false, "値", Map.of("host.name", "pc-9"), RawJsonObject.of(EVENT),
                null));
        // written again in the current layout: version 2, and a last byte saying "no repeats"
        byte[] current = Arrays.copyOf(bytes.toByteArray(), bytes.size() + 1);
        current[0] = 2;
        assertThat(serde.serializer().serialize("t", back)).isEqualTo(current);
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
        } else {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }
}
