package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.asset.Asset;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The binary form of a {@link RuleHit} on the internal repartition topic: length-prefixed UTF-8 fields behind a
 * version byte, the asset as its JSON contract, and the event sample as the bytes it arrived in (never parsed on
 * the way). An inventory has few assets and every hit carries one, so each is written to JSON and read back once,
 * then taken from a small cache. Internal to detection-streams; a new layout takes a new version byte.
 */
public final class RuleHitSerde implements Serde<RuleHit> {

    private static final byte VERSION = 1;
    /** Beyond this many distinct assets the caches start again (an inventory reloaded many times over). */
    private static final int MAX_CACHED_ASSETS = 4_096;
    private static final Map<Asset, byte[]> ASSET_JSON = new ConcurrentHashMap<>();
    private static final Map<ByteBuffer, Asset> ASSETS = new ConcurrentHashMap<>();

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
        Out out = new Out(256 + (sample == null ? 0 : sample.length) + (asset == null ? 0 : asset.length));
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
        return out.bytes();
    }

    static RuleHit read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("rule hit of unknown layout version " + version);
            }
            String dedupKey = text(in);
            String partitionKey = text(in);
            String ruleId = text(in);
            String correlationId = text(in);
            String eventId = text(in);
            Instant timestamp = Instant.ofEpochSecond(in.getLong(), in.getInt());
            String host = text(in);
            String user = text(in);
            String sourceIp = text(in);
            String segment = text(in);
            byte[] asset = blob(in);
            boolean serverRoom = in.get() != 0;
            String value = text(in);
            int fields = in.getInt();
            if (fields < 0 || fields > in.remaining()) {
                throw new IllegalArgumentException("impossible number of group fields " + fields);
            }
            Map<String, String> group = new LinkedHashMap<>();
            for (int i = 0; i < fields; i++) {
                group.put(text(in), text(in));
            }
            byte[] sample = blob(in);
            return new RuleHit(dedupKey, partitionKey, ruleId, correlationId, eventId, timestamp, host, user,
                    sourceIp, segment == null ? null : Segment.valueOf(segment),
                    asset == null ? null : asset(asset), serverRoom, value, group,
                    sample == null ? null : RawJsonObject.of(sample));
        } catch (IOException | BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("not a rule hit: " + e, e);
        }
    }

    private static byte[] assetJson(Asset asset) {
        byte[] json = ASSET_JSON.get(asset);
        if (json == null) {
            try {
                json = Json.mapper().writeValueAsBytes(asset);
            } catch (IOException e) {
                throw new SerializationException("cannot write asset " + asset.id(), e);
            }
            cache(ASSET_JSON, asset, json);
        }
        return json;
    }

    private static Asset asset(byte[] json) throws IOException {
        ByteBuffer key = ByteBuffer.wrap(json);
        Asset asset = ASSETS.get(key);
        if (asset == null) {
            asset = Json.mapper().readValue(json, Asset.class);
            cache(ASSETS, key, asset);
        }
        return asset;
    }

    private static <K, V> void cache(Map<K, V> cache, K key, V value) {
        if (cache.size() >= MAX_CACHED_ASSETS) {
            cache.clear();
        }
        cache.put(key, value);
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

    private static String text(ByteBuffer in) {
        int length = length(in);
        if (length < 0) {
            return null;
        }
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    private static byte[] blob(ByteBuffer in) {
        int length = length(in);
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** A field's length (-1 for null), refused when more than what is left. */
    private static int length(ByteBuffer in) {
        int length = in.getInt();
        if (length < -1 || length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        return length;
    }

    /** A growing big-endian buffer (the layout {@code DataOutputStream} would write), unsynchronised. */
    private static final class Out {

        private byte[] buffer;
        private int size;

        Out(int capacity) {
            buffer = new byte[capacity];
        }

        void writeByte(int value) {
            room(1);
            buffer[size++] = (byte) value;
        }

        void writeInt(int value) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void writeLong(long value) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void text(String value) {
            blob(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        void blob(byte[] value) {
            if (value == null) {
                writeInt(-1);
                return;
            }
            writeInt(value.length);
            room(value.length);
            System.arraycopy(value, 0, buffer, size, value.length);
            size += value.length;
        }

        byte[] bytes() {
            return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        }

        private void room(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }
}
