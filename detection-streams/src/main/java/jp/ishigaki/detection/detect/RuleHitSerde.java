package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.topic.Json;
import jp.ishigaki.schemas.topic.RawJsonObject;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            text(out, hit.dedupKey());
            text(out, hit.partitionKey());
            text(out, hit.ruleId());
            text(out, hit.correlationId());
            text(out, hit.eventId());
            out.writeLong(hit.timestamp().getEpochSecond());
            out.writeInt(hit.timestamp().getNano());
            text(out, hit.host());
            text(out, hit.user());
            text(out, hit.sourceIp());
            text(out, hit.segment() == null ? null : hit.segment().name());
            blob(out, hit.asset() == null ? null : assetJson(hit.asset()));
            out.writeBoolean(hit.serverRoom());
            text(out, hit.value());
            Map<String, String> group = hit.groupFields() == null ? Map.of() : hit.groupFields();
            out.writeInt(group.size());
            for (Map.Entry<String, String> field : group.entrySet()) {
                text(out, field.getKey());
                text(out, field.getValue());
            }
            blob(out, sample(hit.sample()));
        } catch (IOException e) {
            throw new SerializationException("cannot write rule hit " + hit.dedupKey(), e);
        }
        return bytes.toByteArray();
    }

    static RuleHit read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("rule hit of unknown layout version " + version);
            }
            String dedupKey = text(in);
            String partitionKey = text(in);
            String ruleId = text(in);
            String correlationId = text(in);
            String eventId = text(in);
            Instant timestamp = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String host = text(in);
            String user = text(in);
            String sourceIp = text(in);
            String segment = text(in);
            byte[] asset = blob(in);
            boolean serverRoom = in.readBoolean();
            String value = text(in);
            int fields = in.readInt();
            Map<String, String> group = new LinkedHashMap<>();
            for (int i = 0; i < fields; i++) {
                group.put(text(in), text(in));
            }
            byte[] sample = blob(in);
            return new RuleHit(dedupKey, partitionKey, ruleId, correlationId, eventId, timestamp, host, user,
                    sourceIp, segment == null ? null : Segment.valueOf(segment),
                    asset == null ? null : asset(asset), serverRoom, value, group,
                    sample == null ? null : RawJsonObject.of(sample));
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("not a rule hit: " + e.getMessage(), e);
        }
    }

    private static byte[] assetJson(Asset asset) throws IOException {
        byte[] json = ASSET_JSON.get(asset);
        if (json == null) {
            json = Json.mapper().writeValueAsBytes(asset);
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

    private static byte[] sample(Map<String, Object> sample) throws IOException {
        if (sample == null) {
            return null;
        }
        return sample instanceof RawJsonObject raw ? raw.utf8() : Json.mapper().writeValueAsBytes(sample);
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        blob(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void blob(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] bytes = blob(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] blob(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("field cut short");
        }
        return bytes;
    }
}
