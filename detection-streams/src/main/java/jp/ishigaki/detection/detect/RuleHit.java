package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One rule hit on its way from classification to dedup and correlation (internal: it travels over the
 * repartition topic keyed by {@code partitionKey}, so that every hit of one entity or group meets on one task).
 * {@code correlationId} is null for a hit that feeds a single rule's own detection. A single rule's hits of one dedup
 * key are folded into one hit before the repartition ({@code repeats}: the events after the first; null for one).
 */
public record RuleHit(
        String dedupKey,
        String partitionKey,
        String ruleId,
        String correlationId,
        String eventId,
        Instant timestamp,
        String host,
        String user,
        String sourceIp,
        Segment segment,
        Asset asset,
        boolean serverRoom,
        String value,
        Map<String, String> groupFields,
        Map<String, Object> sample,
        Repeats repeats) {

    /** How many distinct events this hit stands for: its own and its repeats. */
    public long events() {
        return repeats == null ? 1 : 1 + repeats.count();
    }

    public Instant firstSeen() {
        return repeats == null || !repeats.firstSeen().isBefore(timestamp) ? timestamp : repeats.firstSeen();
    }

    public Instant lastSeen() {
        return repeats == null || !repeats.lastSeen().isAfter(timestamp) ? timestamp : repeats.lastSeen();
    }

    /** The ids of its events a detection keeps, the first hit's first. */
    public List<String> eventIds() {
        if (repeats == null) {
            return List.of(eventId);
        }
        List<String> ids = new ArrayList<>(1 + repeats.eventIds().size());
        ids.add(eventId);
        ids.addAll(repeats.eventIds());
        return ids;
    }

    /** The event samples a detection keeps, the first hit's first. */
    public List<Map<String, Object>> samples() {
        List<Map<String, Object>> samples = new ArrayList<>(1 + (repeats == null ? 0 : repeats.samples().size()));
        if (sample != null) {
            samples.add(sample);
        }
        if (repeats != null) {
            samples.addAll(repeats.samples());
        }
        return samples;
    }

    /** The hashes of its events (of the most recent when it stands for more than {@link RecentEvents#CAPACITY}). */
    public RecentEvents recent() {
        RecentEvents first = RecentEvents.of(eventId);
        return repeats == null ? first : first.withAll(repeats.recent());
    }

    /** This hit standing for its own event and {@code others} (null: for its own alone). */
    public RuleHit withRepeats(Repeats others) {
        return new RuleHit(dedupKey, partitionKey, ruleId, correlationId, eventId, timestamp, host, user, sourceIp,
                segment, asset, serverRoom, value, groupFields, sample, others);
    }
}
