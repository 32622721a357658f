package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.topic.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * The stored form of a {@link CorrelationEntry} in {@code correlation-hits}, read back for every hit a correlation
 * evaluates: a version byte and three length-prefixed UTF-8 fields ({@link BinaryFields}). Entries that earlier
 * versions wrote as JSON (they start with a brace) are still read. Internal to detection-streams; a new layout takes
 * a new version byte.
 */
public final class CorrelationEntrySerde implements Serde<CorrelationEntry> {

    private static final byte VERSION = 1;
    private static final JsonSerde<CorrelationEntry> JSON = new JsonSerde<>(CorrelationEntry.class);

    @Override
    public Serializer<CorrelationEntry> serializer() {
        return (topic, entry) -> entry == null ? null : write(entry);
    }

    @Override
    public Deserializer<CorrelationEntry> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(CorrelationEntry entry) {
        BinaryFields.Out out = new BinaryFields.Out(64);
        out.writeByte(VERSION);
        out.text(entry.ruleId());
        out.text(entry.eventId());
        out.text(entry.value());
        return out.bytes();
    }

    static CorrelationEntry read(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            return JSON.fromBytes(bytes);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("correlation entry of unknown layout version " + version);
            }
            String ruleId = BinaryFields.text(in);
            String eventId = BinaryFields.text(in);
            CorrelationEntry entry = new CorrelationEntry(ruleId, eventId, BinaryFields.text(in));
            if (in.hasRemaining()) {
                throw new SerializationException("correlation entry with " + in.remaining() + " bytes too many");
            }
            return entry;
        } catch (BufferUnderflowException e) {
            throw new SerializationException("not a correlation entry: cut short", e);
        }
    }
}
