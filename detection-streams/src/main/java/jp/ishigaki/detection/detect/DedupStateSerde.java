package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.detection.Detection;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The stored form of a {@link DedupState}, written on every hit folded into a detection. Layout 2: a version byte,
 * the window's numbers, the detection's count and first/last seen, the recent-event hashes, then the detection's
 * JSON contract as of its last other change ({@link DetectionJson}: serialised once per window while the event ids
 * and samples fill up, then copied as bytes). Layout 1 (numbers, hashes, then the whole detection as JSON) is still
 * read, so that the stores of an earlier version keep working. Internal to detection-streams; a new layout takes a
 * new version byte.
 */
public final class DedupStateSerde implements Serde<DedupState> {

    private static final byte V1 = 1;
    private static final byte VERSION = 2;

    @Override
    public Serializer<DedupState> serializer() {
        return (topic, state) -> state == null ? null : write(state);
    }

    @Override
    public Deserializer<DedupState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(DedupState state) {
        byte[] json = state.json().bytes();
        Detection d = state.detection();
        long[] hashes = state.recent().hashes();
        ByteBuffer out = ByteBuffer.allocate(1 + 4 * Long.BYTES + 2 * (Long.BYTES + Integer.BYTES)
                + 2 * Integer.BYTES + hashes.length * Long.BYTES + json.length);
        out.put(VERSION).putLong(state.windowStartMs()).putLong(state.emittedCount()).putLong(state.emittedAtMs());
        out.putLong(d.count());
        instant(out, d.firstSeen());
        instant(out, d.lastSeen());
        out.putInt(hashes.length).putInt(state.recent().next());
        // in bulk: one long at a time (up to 128 per hit, each byte-swapped into place) was 12 % of the stream threads
        out.asLongBuffer().put(hashes);
        return out.position(out.position() + hashes.length * Long.BYTES).put(json).array();
    }

    static DedupState read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION && version != V1) {
                throw new SerializationException("dedup state of unknown layout version " + version);
            }
            long windowStart = in.getLong();
            long emittedCount = in.getLong();
            long emittedAt = in.getLong();
            long count = version == V1 ? 0 : in.getLong();
            Instant firstSeen = version == V1 ? null : instant(in);
            Instant lastSeen = version == V1 ? null : instant(in);
            RecentEvents recent = recent(in);
            DetectionJson json = DetectionJson.read(Arrays.copyOfRange(bytes, in.position(), bytes.length));
            Detection detection = version == V1 ? json.base() : json.with(count, firstSeen, lastSeen);
            return new DedupState(detection, json, windowStart, emittedCount, emittedAt, recent);
        } catch (BufferUnderflowException | IllegalArgumentException | DateTimeException e) {
            throw new SerializationException("not a dedup state: " + e, e);
        }
    }

    private static RecentEvents recent(ByteBuffer in) {
        int size = in.getInt();
        int next = in.getInt();
        if (size < 0 || size > RecentEvents.CAPACITY) {
            throw new SerializationException("dedup state with " + size + " recent events");
        }
        long[] hashes = new long[size];
        in.asLongBuffer().get(hashes);
        in.position(in.position() + size * Long.BYTES);
        return RecentEvents.of(hashes, next);
    }

    private static void instant(ByteBuffer out, Instant instant) {
        out.putLong(instant.getEpochSecond()).putInt(instant.getNano());
    }

    private static Instant instant(ByteBuffer in) {
        return Instant.ofEpochSecond(in.getLong(), in.getInt());
    }
}
