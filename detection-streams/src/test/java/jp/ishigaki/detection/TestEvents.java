package jp.ishigaki.detection;

import jp.ishigaki.schemas.event.EcsDocument;
import jp.ishigaki.schemas.event.RawEvents;
import jp.ishigaki.schemas.topic.Json;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Raw test events: the given fields plus the required envelope when absent. */
public final class TestEvents {

    private static final AtomicLong SEQ = new AtomicLong();

    private TestEvents() {
    }

    public static Map<String, Object> withEnvelope(Map<String, ?> fields) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("@timestamp", "2026-11-26T10:00:00+09:00");
        event.put("event.id", "test-" + SEQ.incrementAndGet());
        event.put("event.kind", "event");
        event.putAll(fields);
        return event;
    }

    public static byte[] json(Map<String, ?> fields) {
        try {
            return Json.mapper().writeValueAsBytes(withEnvelope(fields));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EcsDocument document(Map<String, ?> fields) {
        RawEvents.Parsed parsed = RawEvents.parse(json(fields));
        if (parsed instanceof RawEvents.Valid valid) {
            return valid.document();
        }
        throw new IllegalArgumentException("test event is invalid: " + parsed);
    }
}
