package jp.ishigaki.detection.classify;

import jp.ishigaki.schemas.event.EcsDocument;
import jp.ishigaki.schemas.topic.RawJsonObject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A valid raw event in the form the rules see: a flat map of dotted paths for matching, with {@code observer.type}
 * and {@code labels.segment} in lower case and {@code event.category} / {@code event.type} always lists, and the
 * canonical nested document for output (built on first use: most events are discarded without needing it; an event
 * that arrived in canonical form keeps its own bytes as the document).
 * {@code timestamp} is {@code @timestamp} in UTC.
 */
public final class NormalisedEvent {

    private final String eventId;
    private final Instant timestamp;
    private final String host;
    private final Map<String, Object> flat;
    private final Map<String, Object> source;
    private Map<String, Object> document;

    private NormalisedEvent(Instant timestamp, Map<String, Object> flat, Map<String, Object> source,
            Map<String, Object> document) {
        this.timestamp = timestamp;
        this.flat = flat;
        this.source = source;
        this.document = document;
        lowerCase(flat, "observer.type");
        lowerCase(flat, "labels.segment");
        asList(flat, "event.category");
        asList(flat, "event.type");
        this.eventId = (String) flat.get("event.id");
        this.host = flat.get("host.name") instanceof String h ? h : null;
    }

    public static NormalisedEvent of(EcsDocument document) {
        Map<String, Object> flat = document.flatten();
        Instant timestamp = OffsetDateTime.parse((String) flat.get("@timestamp")).toInstant();
        return new NormalisedEvent(timestamp, flat, null, document.asMap());
    }

    /**
     * From the flat leaves of a valid event (dotted keys as in {@link EcsDocument#flatten()}, never both a leaf
     * and its parent); {@code raw} is kept unchanged to build the nested document on demand.
     */
    static NormalisedEvent ofFlat(Map<String, Object> raw, Instant timestamp) {
        Map<String, Object> flat = new HashMap<>(raw.size() * 2 + 16);
        flat.putAll(raw);
        return new NormalisedEvent(timestamp, flat, raw, null);
    }

    /**
     * As {@link #ofFlat}, for an event whose bytes are already its canonical nested document: {@code raw} is not
     * needed again, so it becomes the flat map itself.
     */
    static NormalisedEvent ofCanonical(Map<String, Object> raw, Instant timestamp, byte[] utf8) {
        return new NormalisedEvent(timestamp, raw, null, RawJsonObject.of(utf8));
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

    public String eventId() {
        return eventId;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public String host() {
        return host;
    }

    /** The canonical nested document, read-only. */
    public Map<String, Object> document() {
        if (document == null) {
            document = EcsDocument.of(source).asMap();
        }
        return document;
    }

    /** The flat map the rules match on (enrichment adds {@code ishigaki.*} keys to it). */
    public Map<String, Object> flat() {
        return flat;
    }

    public String text(String key) {
        return Enrichment.text(flat.get(key));
    }
}
