package jp.ishigaki.schemas.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import jp.ishigaki.schemas.topic.Json;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * The input contract of {@code security.events.raw} (ARCHITECTURE.md): parses one record and checks the required
 * fields. The same rules are written as JSON Schema in {@code schemas/security.events.raw.schema.json}; a test keeps
 * the two in agreement.
 */
public final class RawEvents {

    /** Default size limit of one raw record. */
    public static final int DEFAULT_MAX_BYTES = 256 * 1024;
    public static final int MAX_EVENT_ID_LENGTH = 128;
    public static final Set<String> EVENT_KINDS = Set.of("alert", "event", "metric", "state", "signal");

    private RawEvents() {
    }

    /** The outcome of parsing one record: a valid document or a rejection with its reason. */
    public sealed interface Parsed permits Valid, Rejected {
    }

    public record Valid(EcsDocument document) implements Parsed {
        public String eventId() {
            return document.text("event.id");
        }
    }

    public record Rejected(RejectReason reason, String detail) implements Parsed {
    }

    public static Parsed parse(byte[] value) {
        return parse(value, DEFAULT_MAX_BYTES);
    }

    public static Parsed parse(byte[] value, int maxBytes) {
        if (value == null || value.length == 0) {
            return new Rejected(RejectReason.NOT_JSON, "empty record");
        }
        if (value.length > maxBytes) {
            return new Rejected(RejectReason.TOO_LARGE, value.length + " bytes exceeds the limit of " + maxBytes);
        }
        Object json;
        try {
            json = Json.mapper().readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            return new Rejected(RejectReason.NOT_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            return new Rejected(RejectReason.NOT_JSON, e.getMessage());
        }
        if (!(json instanceof Map<?, ?> map)) {
            return new Rejected(RejectReason.NOT_AN_OBJECT, "a raw event must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        EcsDocument document;
        try {
            document = EcsDocument.of(object);
        } catch (EcsDocument.ConflictingFieldException e) {
            return new Rejected(RejectReason.CONFLICTING_FIELD, e.getMessage());
        }
        return validate(document);
    }

    /** Checks the required fields of an already canonical document. */
    public static Parsed validate(EcsDocument document) {
        Rejected rejected = requireText(document, "@timestamp");
        if (rejected == null) {
            rejected = requireText(document, "event.id");
        }
        if (rejected == null) {
            rejected = requireText(document, "event.kind");
        }
        if (rejected == null) {
            rejected = requireText(document, "observer.type");
        }
        if (rejected != null) {
            return rejected;
        }
        String timestamp = (String) document.get("@timestamp");
        try {
            OffsetDateTime.parse(timestamp);
        } catch (DateTimeParseException e) {
            return new Rejected(RejectReason.INVALID_FIELD, "@timestamp '" + abbreviate(timestamp)
                    + "' is not an RFC 3339 date-time with offset");
        }
        String eventId = (String) document.get("event.id");
        if (eventId.length() > MAX_EVENT_ID_LENGTH) {
            return new Rejected(RejectReason.INVALID_FIELD, "event.id is longer than " + MAX_EVENT_ID_LENGTH + " characters");
        }
        String kind = (String) document.get("event.kind");
        if (!EVENT_KINDS.contains(kind)) {
            return new Rejected(RejectReason.INVALID_FIELD, "event.kind '" + abbreviate(kind)
                    + "' is not one of alert, event, metric, state, signal");
        }
        return new Valid(document);
    }

    private static Rejected requireText(EcsDocument document, String path) {
        Object value = document.get(path);
        if (value == null) {
            return new Rejected(RejectReason.MISSING_FIELD, "required field " + path + " is missing");
        }
        if (!(value instanceof String text)) {
            return new Rejected(RejectReason.INVALID_FIELD, path + " must be a string");
        }
        if (text.isBlank()) {
            return new Rejected(RejectReason.MISSING_FIELD, "required field " + path + " is empty");
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
