package jp.ishigaki.detection.classify;

import jp.ishigaki.schemas.event.EcsDocument;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A valid raw event in the form the rules see: the canonical nested document for output, and a flat map of dotted
 * paths for matching, with {@code observer.type} and {@code labels.segment} in lower case and
 * {@code event.category} / {@code event.type} always lists. {@code timestamp} is {@code @timestamp} in UTC.
 */
public record NormalisedEvent(String eventId, Instant timestamp, String host, Map<String, Object> document,
        Map<String, Object> flat) {

    public static NormalisedEvent of(EcsDocument document) {
        Map<String, Object> flat = document.flatten();
        lowerCase(flat, "observer.type");
        lowerCase(flat, "labels.segment");
        asList(flat, "event.category");
        asList(flat, "event.type");
        Instant timestamp = OffsetDateTime.parse((String) flat.get("@timestamp")).toInstant();
        Object host = flat.get("host.name");
        return new NormalisedEvent((String) flat.get("event.id"), timestamp, host instanceof String h ? h : null,
                document.asMap(), flat);
    }

    private static void lowerCase(Map<String, Object> flat, String key) {
        if (flat.get(key) instanceof String s) {
            flat.put(key, s.toLowerCase(Locale.ROOT));
        }
    }

    private static void asList(Map<String, Object> flat, String key) {
        Object value = flat.get(key);
        if (value != null && !(value instanceof List)) {
            flat.put(key, List.of(value));
        }
    }

    public String text(String key) {
        return Enrichment.text(flat.get(key));
    }
}
