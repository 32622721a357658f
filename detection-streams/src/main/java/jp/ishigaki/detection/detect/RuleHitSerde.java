package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.asset.AssetJson;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.topic.Json;
import jp.ishigaki.schemas.topic.RawJsonObject;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of a {@link RuleHit} on the internal repartition topic: length-prefixed UTF-8 fields behind a
 * version byte, the asset as its JSON contract, and the event sample as the bytes it arrived in (never parsed on
 * the way), then its {@link Repeats} when it has any. The asset's JSON is written and read back once per distinct asset
 * ({@link AssetJson}). Internal to detection-streams (the repartition topic and the {@code hit-folds} changelog); a new
 * layout takes a new version byte, and the one before stays readable (layout 1: no repeats).
 */
public final class RuleHitSerde implements Serde<RuleHit> {

    private static final byte VERSION = 2;

    @Override
    public Serializer<RuleHit> serializer() {
        return (topic, hit) -> hit == null ? null : write(hit);
    }

    @Override
    public Deserializer<RuleHit> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(RuleHit hit) {
        byte[] sample = sample(hit.sample());
        byte[] asset = hit.asset() == null ? null : assetJson(hit.asset());
        BinaryFields.Out out = new BinaryFields.Out(
                256 + (sample == null ? 0 : sample.length) + (asset == null ? 0 : asset.length));
        out.writeByte(VERSION);
        out.text(hit.dedupKey());
        out.text(hit.partitionKey());
        out.text(hit.ruleId());
        out.text(hit.correlationId());
        out.text(hit.eventId());
        out.writeLong(hit.timestamp().getEpochSecond());
        out.writeInt(hit.timestamp().getNano());
        out.text(hit.host());
        out.text(hit.user());
        out.text(hit.sourceIp());
        out.text(hit.segment() == null ? null : hit.segment().name());
        out.blob(asset);
        out.writeByte(hit.serverRoom() ? 1 : 0);
        out.text(hit.value());
        Map<String, String> group = hit.groupFields() == null ? Map.of() : hit.groupFields();
        out.writeInt(group.size());
        for (Map.Entry<String, String> field : group.entrySet()) {
            out.text(field.getKey());
            out.text(field.getValue());
        }
        out.blob(sample);
        writeRepeats(out, hit.repeats());
        return out.bytes();
    }

    static RuleHit read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION && version != 1) {
                throw new SerializationException("rule hit of unknown layout version " + version);
            }
            String dedupKey = BinaryFields.text(in);
            String partitionKey = BinaryFields.text(in);
            String ruleId = BinaryFields.text(in);
            String correlationId = BinaryFields.text(in);
            String eventId = BinaryFields.text(in);
            Instant timestamp = Instant.ofEpochSecond(in.getLong(), in.getInt());
            String host = BinaryFields.text(in);
            String user = BinaryFields.text(in);
            String sourceIp = BinaryFields.text(in);
            String segment = BinaryFields.text(in);
            byte[] asset = BinaryFields.blob(in);
            boolean serverRoom = in.get() != 0;
            String value = BinaryFields.text(in);
            int fields = in.getInt();
            if (fields < 0 || fields > in.remaining()) {
                throw new IllegalArgumentException("impossible number of group fields " + fields);
            }
            Map<String, String> group = new LinkedHashMap<>();
            for (int i = 0; i < fields; i++) {
                group.put(BinaryFields.text(in), BinaryFields.text(in));
            }
            byte[] sample = BinaryFields.blob(in);
            Repeats repeats = version == 1 ? null : readRepeats(in);
            return new RuleHit(dedupKey, partitionKey, ruleId, correlationId, eventId, timestamp, host, user,
                    sourceIp, segment == null ? null : Segment.valueOf(segment),
                    asset == null ? null : AssetJson.read(asset), serverRoom, value, group,
                    sample == null ? null : RawJsonObject.of(sample), repeats);
        } catch (IOException | BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("not a rule hit: " + e, e);
        }
    }

    private static void writeRepeats(BinaryFields.Out out, Repeats repeats) {
        if (repeats == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        out.writeLong(repeats.count());
        out.writeLong(repeats.firstSeen().getEpochSecond());
        out.writeInt(repeats.firstSeen().getNano());
        out.writeLong(repeats.lastSeen().getEpochSecond());
        out.writeInt(repeats.lastSeen().getNano());
        out.writeInt(repeats.eventIds().size());
        repeats.eventIds().forEach(out::text);
        out.writeInt(repeats.samples().size());
        repeats.samples().forEach(sample -> out.blob(sample(sample)));
        long[] hashes = repeats.recent().hashes();
        out.writeInt(hashes.length);
        out.writeInt(repeats.recent().next());
        for (long hash : hashes) {
            out.writeLong(hash);
        }
    }

    private static Repeats readRepeats(ByteBuffer in) {
        if (in.get() == 0) {
            return null;
        }
        long count = in.getLong();
        Instant first = Instant.ofEpochSecond(in.getLong(), in.getInt());
        Instant last = Instant.ofEpochSecond(in.getLong(), in.getInt());
        List<String> ids = new ArrayList<>();
        for (int i = bounded(in.getInt(), Detections.MAX_EVENT_IDS); i > 0; i--) {
            ids.add(BinaryFields.text(in));
        }
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = bounded(in.getInt(), Detections.MAX_SAMPLES); i > 0; i--) {
            byte[] sample = BinaryFields.blob(in);
            if (sample == null) {
                throw new IllegalArgumentException("a repeat's sample is null");
            }
            samples.add(RawJsonObject.of(sample));
        }
        long[] hashes = new long[bounded(in.getInt(), RecentEvents.CAPACITY)];
        int next = in.getInt();
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = in.getLong();
        }
        if (count < 1) {
            throw new IllegalArgumentException("repeats of " + count + " events");
        }
        return new Repeats(count, first, last, ids, samples, RecentEvents.of(hashes, next));
    }

    private static int bounded(int size, int max) {
        if (size < 0 || size > max) {
            throw new IllegalArgumentException("impossible number " + size + " (at most " + max + ")");
        }
        return size;
    }

    private static byte[] assetJson(Asset asset) {
        try {
            return AssetJson.bytes(asset);
        } catch (IOException e) {
            throw new SerializationException("cannot write asset " + asset.id(), e);
        }
    }

    private static byte[] sample(Map<String, Object> sample) {
        if (sample == null) {
            return null;
        }
        try {
            return sample instanceof RawJsonObject raw ? raw.utf8() : Json.mapper().writeValueAsBytes(sample);
        } catch (IOException e) {
            throw new SerializationException("cannot write the sample of a rule hit", e);
        }
    }
}
