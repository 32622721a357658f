package jp.ishigaki.detection.classify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jp.ishigaki.schemas.event.RawEvents;
import jp.ishigaki.schemas.topic.Json;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fast path of the raw-event contract: streams one record straight into the flat field map the rules need,
 * without building the nested document. It accepts only plainly valid events; anything unusual (bad JSON, nulls,
 * odd or repeated keys, a missing or invalid required field) returns {@code null}, and the caller asks
 * {@link RawEvents#parse} for the exact verdict, so the contract keeps a single definition. An event written with
 * nested objects only (no dotted names) is already in canonical form: its bytes become the output document as they
 * are.
 */
public final class FlatEvents {

    private FlatEvents() {
    }

    /** The normalised event with every field, or {@code null} when the record needs the full contract parser. */
    public static NormalisedEvent parse(byte[] value, int maxBytes) {
        return parse(value, maxBytes, null);
    }

    /**
     * The normalised event, or {@code null} when the record needs the full contract parser. With a selection, a
     * nested event's flat map holds only the selected fields (the rest are checked as the full reading would, but
     * not built); an event with dotted names is read in full, since its document has to be built from all of them.
     */
    public static NormalisedEvent parse(byte[] value, int maxBytes, FieldSelection selection) {
        if (value == null || value.length == 0 || value.length > maxBytes) {
            return null;
        }
        if (selection != null && value[0] == '{') {
            Map<String, Object> raw = new HashMap<>(32);
            int members = FieldScanner.read(value, selection.root(), raw);
            if (members == FieldScanner.FULL) {
                return null;
            }
            if (members >= 0) {
                Instant timestamp = validTimestamp(raw);
                return timestamp == null ? null : NormalisedEvent.ofCanonical(raw, timestamp, value);
            }
        }
        Map<String, Object> raw = new LinkedHashMap<>(64);
        boolean[] dotted = {false};
        try (JsonParser parser = Json.mapper().createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || !object(parser, "", raw, dotted)
                    || parser.nextToken() != null) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (dotted[0] && !consistent(raw)) {
            return null;
        }
        Instant timestamp = validTimestamp(raw);
        if (timestamp == null) {
            return null;
        }
        return dotted[0] || value[0] != '{' ? NormalisedEvent.ofFlat(raw, timestamp)
                : NormalisedEvent.ofCanonical(raw, timestamp, value);
    }

    /** Reads the members of an object; false when something needs the full parser. Notes any dotted name. */
    private static boolean object(JsonParser parser, String prefix, Map<String, Object> out, boolean[] dotted)
            throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (name.indexOf('.') >= 0) {
                if (name.charAt(0) == '.' || name.charAt(name.length() - 1) == '.' || name.contains("..")) {
                    return false;
                }
                dotted[0] = true;
            }
            if (name.isEmpty()) {
                return false;
            }
            String key = prefix.isEmpty() ? name : prefix + name;
            Object value;
            switch (parser.nextToken()) {
                case START_OBJECT -> {
                    int before = out.size();
                    if (!object(parser, key + ".", out, dotted)) {
                        return false;
                    }
                    if (out.size() > before) {
                        continue;
                    }
                    value = new LinkedHashMap<String, Object>();
                }
                case VALUE_STRING -> value = parser.getText();
                case VALUE_NUMBER_INT -> value = parser.getNumberValue();
                case VALUE_TRUE -> value = Boolean.TRUE;
                case VALUE_FALSE -> value = Boolean.FALSE;
                case START_ARRAY, VALUE_NUMBER_FLOAT -> value = Json.mapper().readValue(parser, Object.class);
                default -> {
                    return false;
                }
            }
            if (out.putIfAbsent(key, value) != null) {
                return false;
            }
        }
        return token == JsonToken.END_OBJECT;
    }

    /**
     * No field is both a leaf and the parent of another (the canonical form would reject or merge it); without
     * dotted names, repeated keys (already refused) are the only way to get there.
     */
    private static boolean consistent(Map<String, Object> raw) {
        for (String key : raw.keySet()) {
            for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
                if (raw.containsKey(key.substring(0, dot))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The checks of {@link RawEvents#validate}; the parsed {@code @timestamp} when all pass, else null. */
    private static Instant validTimestamp(Map<String, Object> raw) {
        if (!text(raw, "@timestamp") || !text(raw, "event.id") || !text(raw, "event.kind")
                || !text(raw, "observer.type")) {
            return null;
        }
        if (((String) raw.get("event.id")).length() > RawEvents.MAX_EVENT_ID_LENGTH
                || !RawEvents.EVENT_KINDS.contains((String) raw.get("event.kind"))) {
            return null;
        }
        return Rfc3339.parse((String) raw.get("@timestamp"));
    }

    private static boolean text(Map<String, Object> raw, String key) {
        return raw.get(key) instanceof String s && !s.isBlank();
    }
}
