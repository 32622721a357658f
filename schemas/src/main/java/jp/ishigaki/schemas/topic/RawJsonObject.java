package jp.ishigaki.schemas.topic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object kept as the UTF-8 bytes it arrived in: written back verbatim by every {@link Json} mapper (no
 * parse, no re-serialisation), and parsed into a read-only map only if someone reads it as a map. The detection
 * pipeline passes each event document through three topics this way. The bytes must hold exactly one JSON object
 * (the caller has parsed them already); {@link #of} checks only that they start like one.
 */
public final class RawJsonObject extends AbstractMap<String, Object> {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final byte[] utf8;
    private Map<String, Object> parsed;

    private RawJsonObject(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** The object in {@code utf8}, which the caller has already parsed as exactly one JSON object. */
    public static RawJsonObject of(byte[] utf8) {
        int i = 0;
        while (i < utf8.length && (utf8[i] == ' ' || utf8[i] == '\t' || utf8[i] == '\n' || utf8[i] == '\r')) {
            i++;
        }
        if (i == utf8.length || utf8[i] != '{') {
            throw new IllegalArgumentException("not a JSON object");
        }
        return new RawJsonObject(utf8);
    }

    /** The bytes, as they arrived (callers must not change them). */
    public byte[] utf8() {
        return utf8;
    }

    /** Writes the bytes as the value in place, as every {@link Json} mapper does (for hand-written writers). */
    public void writeTo(JsonGenerator generator) throws IOException {
        generator.writeRawValue(new Verbatim(utf8));
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return map().entrySet();
    }

    @Override
    public Object get(Object key) {
        return map().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }

    private Map<String, Object> map() {
        if (parsed == null) {
            try {
                parsed = Collections.unmodifiableMap(Json.mapper().readValue(utf8, MAP));
            } catch (IOException e) {
                throw new UncheckedIOException("raw JSON object no longer parses", e);
            }
        }
        return parsed;
    }

    /** Writes the bytes as the value in place. */
    static final class Serializer extends StdSerializer<RawJsonObject> {

        Serializer() {
            super(RawJsonObject.class);
        }

        @Override
        public void serialize(RawJsonObject value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            value.writeTo(generator);
        }
    }

    /** The raw-value view Jackson's generators write from: byte generators copy, character generators decode. */
    private record Verbatim(byte[] utf8) implements SerializableString {

        @Override
        public String getValue() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("a raw value is never quoted");
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8;
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("a raw value is never quoted");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException("a raw value is never quoted");
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("a raw value is never quoted");
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (buffer.length - offset < utf8.length) {
                return -1;
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String text = getValue();
            if (buffer.length - offset < text.length()) {
                return -1;
            }
            text.getChars(0, text.length(), buffer, offset);
            return text.length();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException("a raw value is never quoted");
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw new UnsupportedOperationException("a raw value is never quoted");
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < utf8.length) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }
    }
}
