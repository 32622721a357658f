package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.topic.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The stored form of a {@link DedupState}, written on every hit folded into a detection: a version byte, the
 * window's numbers and recent-event hashes in binary, then the detection as its JSON contract (its samples are
 * copied verbatim). Internal to detection-streams; a new layout takes a new version byte.
 */
public final class DedupStateSerde implements Serde<DedupState> {

    private static final byte VERSION = 1;
    private static final JsonSerde<Detection> DETECTION = new JsonSerde<>(Detection.class);

    @Override
    public Serializer<DedupState> serializer() {
        return (topic, state) -> state == null ? null : write(state);
    }

    @Override
    public Deserializer<DedupState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(DedupState state) {
        byte[] detection = DETECTION.toBytes(state.detection());
        long[] hashes = state.recent().hashes();
        ByteBuffer out = ByteBuffer.allocate(1 + 3 * Long.BYTES + 2 * Integer.BYTES + hashes.length * Long.BYTES
                + detection.length);
        out.put(VERSION).putLong(state.windowStartMs()).putLong(state.emittedCount()).putLong(state.emittedAtMs());
        out.putInt(hashes.length).putInt(state.recent().next());
        for (long hash : hashes) {
            out.putLong(hash);
        }
        return out.put(detection).array();
    }

    static DedupState read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("dedup state of unknown layout version " + version);
            }
            long windowStart = in.getLong();
            long emittedCount = in.getLong();
            long emittedAt = in.getLong();
            int size = in.getInt();
            int next = in.getInt();
            if (size < 0 || size > RecentEvents.CAPACITY) {
                throw new SerializationException("dedup state with " + size + " recent events");
            }
            long[] hashes = new long[size];
            for (int i = 0; i < size; i++) {
                hashes[i] = in.getLong();
            }
            Detection detection = DETECTION.fromBytes(Arrays.copyOfRange(bytes, in.position(), bytes.length));
            return new DedupState(detection, windowStart, emittedCount, emittedAt, RecentEvents.of(hashes, next));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("not a dedup state: " + e, e);
        }
    }
}
