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

    /**
     * Repeats gathered in place, for a fold that takes one hit after another: {@link #add} costs the same however many
     * are held (no copy of the ids, samples and hashes per hit). Not thread-safe.
     */
    public static final class Gathering {

        /** Where a fold's first repeat starts from (never sent: a hit's repeats count at least one). */
        private static final Repeats NONE = new Repeats(0, null, null, List.of(), List.of(), RecentEvents.none());

        private long count;
        private Instant firstSeen;
        private Instant lastSeen;
        private final List<String> eventIds;
        private final List<Map<String, Object>> samples;
        private final RecentEvents.Ring recent;

        /** Gathering on from {@code from}, or from none when it is null. */
        public Gathering(Repeats from) {
            Repeats start = from == null ? NONE : from;
            count = start.count;
            firstSeen = start.firstSeen;
            lastSeen = start.lastSeen;
            eventIds = new ArrayList<>(start.eventIds);
            samples = new ArrayList<>(start.samples);
            recent = new RecentEvents.Ring(start.recent);
        }

        /** One more event (the caller has made sure it is not one of them: {@link #includes}). */
        public Gathering add(RuleHit hit) {
            if (eventIds.size() < Detections.MAX_EVENT_IDS - 1) {
                eventIds.add(hit.eventId());
            }
            if (samples.size() < Detections.MAX_SAMPLES - 1 && hit.sample() != null) {
                samples.add(hit.sample());
            }
            Instant at = hit.timestamp();
            firstSeen = firstSeen == null || at.isBefore(firstSeen) ? at : firstSeen;
            lastSeen = lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen;
            count++;
            recent.add(hit.eventId());
            return this;
        }

        /** Whether {@code eventId} is among the recent ones gathered. */
        public boolean includes(String eventId) {
            return recent.contains(eventId);
        }

        public Repeats repeats() {
            return new Repeats(count, firstSeen, lastSeen, eventIds, samples, recent.events());
        }
    }
}
