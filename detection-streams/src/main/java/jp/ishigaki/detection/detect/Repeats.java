package jp.ishigaki.detection.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The further events of one dedup key folded into a rule hit before it crosses the repartition topic: how many,
 * their time span, the first of their ids and samples (as many as a detection keeps besides the first hit's), and
 * their hashes, to recognise replays. A hit with repeats stands for {@code 1 + count} distinct events. Immutable.
 */
public record Repeats(long count, Instant firstSeen, Instant lastSeen, List<String> eventIds,
        List<Map<String, Object>> samples, RecentEvents recent) {

    public Repeats {
        eventIds = List.copyOf(eventIds);
        samples = List.copyOf(samples);
    }

    static Repeats of(RuleHit hit) {
        return new Repeats(0, hit.timestamp(), hit.timestamp(), List.of(), List.of(), RecentEvents.none()).with(hit);
    }

    /** These repeats and one more event (the caller has made sure it is not one of them). */
    Repeats with(RuleHit hit) {
        List<String> ids = eventIds;
        if (ids.size() < Detections.MAX_EVENT_IDS - 1) {
            ids = new ArrayList<>(ids);
            ids.add(hit.eventId());
        }
        List<Map<String, Object>> kept = samples;
        if (kept.size() < Detections.MAX_SAMPLES - 1 && hit.sample() != null) {
            kept = new ArrayList<>(kept);
            kept.add(hit.sample());
        }
        Instant first = hit.timestamp().isBefore(firstSeen) ? hit.timestamp() : firstSeen;
        Instant last = hit.timestamp().isAfter(lastSeen) ? hit.timestamp() : lastSeen;
        return new Repeats(count + 1, first, last, ids, kept, recent.with(hit.eventId()));
    }
}
