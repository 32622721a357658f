package jp.ishigaki.schemas.event;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.asset.AssetJson;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.topic.Json;
import jp.ishigaki.schemas.topic.RawJsonObject;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ClassifiedEvent} field by field on Jackson's streaming generator: exactly the bytes
 * {@link Json#mapper()} writes, without databind's reflective bean serialisers and without {@code DateTimeFormatter}.
 * Its {@link Asset} is the mapper's own bytes, from {@link AssetJson} (once per distinct asset). The detection topology writes one per matched event to
 * {@code security.events.classified}, its hot path, where databind cost ~6 % of the stream threads' CPU.
 * <p>
 * Same form as the mapper: components in record order, nulls left out, enums as their {@code @JsonValue} code,
 * instants as {@link Instant#toString()}, a {@link RawJsonObject} verbatim. Only an event document that is not a
 * {@code RawJsonObject} (rare: any map, any values) goes through the mapper. When a component is added to either
 * record, add it here: {@code ClassifiedEventJsonTest} compares the bytes with the mapper's.
 */
public final class ClassifiedEventJson {

    private static final SerializableString EVENT_ID = new SerializedString("eventId");
    private static final SerializableString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializableString HOST = new SerializedString("host");
    private static final SerializableString THREAT = new SerializedString("threat");
    private static final SerializableString CONTROLS = new SerializedString("controls");
    private static final SerializableString SEGMENT = new SerializedString("segment");
    private static final SerializableString SEVERITY = new SerializedString("severity");
    private static final SerializableString SEVERITY_REASONS = new SerializedString("severityReasons");
    private static final SerializableString RULE_IDS = new SerializedString("ruleIds");
    private static final SerializableString ASSET = new SerializedString("asset");
    private static final SerializableString EVENT = new SerializedString("event");

    /** Instants of years 0000–9999 are formatted here; {@link Instant#toString()} adds a sign outside them. */
    private static final long FIRST_FAST_SECOND =
            LocalDate.of(0, 1, 1).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);
    private static final long LAST_FAST_SECOND =
            LocalDate.of(10_000, 1, 1).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC) - 1;

    private ClassifiedEventJson() {
    }

    /** The UTF-8 JSON of {@code event} (not null), as {@code Json.mapper().writeValueAsBytes(event)} gives it. */
    public static byte[] toBytes(ClassifiedEvent event) throws IOException {
        // The buffer handling of ObjectMapper.writeValueAsBytes, with the mapper's generator settings.
        BufferRecycler recycler = Json.mapper().getFactory()._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator generator = Json.mapper().createGenerator(bytes, JsonEncoding.UTF8)) {
                write(event, generator);
            }
            byte[] json = bytes.toByteArray();
            bytes.release();
            return json;
        } finally {
            recycler.releaseToPool();
        }
    }

    /** Writes {@code event} (not null) as one JSON object. */
    public static void write(ClassifiedEvent event, JsonGenerator g) throws IOException {
        g.writeStartObject();
        string(g, EVENT_ID, event.eventId());
        instant(g, TIMESTAMP, event.timestamp());
        string(g, HOST, event.host());
        string(g, THREAT, event.threat() == null ? null : event.threat().code());
        g.writeFieldName(CONTROLS);
        g.writeStartArray();
        for (Control control : event.controls()) {
            g.writeString(control.code());
        }
        g.writeEndArray();
        string(g, SEGMENT, event.segment() == null ? null : event.segment().code());
        string(g, SEVERITY, event.severity() == null ? null : event.severity().code());
        strings(g, SEVERITY_REASONS, event.severityReasons());
        strings(g, RULE_IDS, event.ruleIds());
        if (event.asset() != null) {
            g.writeFieldName(ASSET);
            RawJsonObject.of(AssetJson.bytes(event.asset())).writeTo(g);
        }
        Map<String, Object> document = event.event();
        if (document != null) {
            g.writeFieldName(EVENT);
            if (document instanceof RawJsonObject raw) {
                raw.writeTo(g);
            } else {
                Json.mapper().writeValue(g, document);
            }
        }
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, SerializableString name, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(value);
        }
    }

    /** The records copy their lists with {@code List.copyOf}: never null, no null elements. */
    private static void strings(JsonGenerator g, SerializableString name, List<String> values) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void instant(JsonGenerator g, SerializableString name, Instant value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(iso(value));
        }
    }

    /**
     * {@link Instant#toString()}, which the mapper's {@code InstantSerializer} writes: {@code ISO_INSTANT}, i.e.
     * seconds always, then a fraction of 3, 6 or 9 digits only if the nanos are not zero. Computed here for years
     * 0000–9999 (Instant.toString() goes through {@code DateTimeFormatter}), left to it outside them.
     */
    private static String iso(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FAST_SECOND || seconds > LAST_FAST_SECOND) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        int nano = instant.getNano();
        int digits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        char[] text = new char[digits == 0 ? 20 : 21 + digits];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        if (digits > 0) {
            text[19] = '.';
            put(text, 20, digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano, digits);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    /** Writes {@code value} (not negative) as {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void put(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
