package jp.ishigaki.schemas.topic;

import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;

/** A Kafka serde for one contract record, using the shared {@link Json} settings. */
public final class JsonSerde<T> implements Serde<T> {

    /** Writes one value as UTF-8 JSON. */
    @FunctionalInterface
    public interface Writer<T> {
        byte[] toBytes(T value) throws IOException;
    }

    private final Class<T> type;
    private final ObjectReader reader;
    private final Writer<T> writer;

    public JsonSerde(Class<T> type) {
        this(type, Json.mapper().writerFor(type)::writeValueAsBytes);
    }

    /**
     * Reads with the shared mapper, writes with {@code writer}: a hand-written writer for a hot topic, which must
     * give the very bytes the mapper would.
     */
    public JsonSerde(Class<T> type, Writer<T> writer) {
        this.type = type;
        this.reader = Json.mapper().readerFor(type);
        this.writer = writer;
    }

    public Class<T> type() {
        return type;
    }

    public byte[] toBytes(T value) {
        if (value == null) {
            return null;
        }
        try {
            return writer.toBytes(value);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON", e);
        }
    }

    public T fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return reader.readValue(bytes);
        } catch (IOException e) {
            throw new SerializationException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> toBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> fromBytes(bytes);
    }
}
