package jp.ishigaki.detection.topology;

import jp.ishigaki.detection.detect.Repeats;
import jp.ishigaki.detection.detect.RuleHit;

/**
 * One dedup key's fold in the making, held by a {@link HitFolder}: its first hit, and the repeats after it gathered
 * in place ({@link Repeats.Gathering}), so that folding a hit costs the same however many it already holds.
 * {@link #hit()} is the fold as the rule hit that crosses the repartition topic. Used by its stream thread only.
 */
final class Fold {

    private final RuleHit first;
    private Repeats.Gathering repeats;

    private Fold(RuleHit first, Repeats.Gathering repeats) {
        this.first = first;
        this.repeats = repeats;
    }

    /** A fold of {@code hit} and the repeats it already carries (a fold read back from the changelog). */
    static Fold of(RuleHit hit) {
        return hit.repeats() == null ? new Fold(hit, null)
                : new Fold(hit.withRepeats(null), new Repeats.Gathering(hit.repeats()));
    }

    /** The event time of the fold's first hit. */
    long timestampMs() {
        return first.timestamp().toEpochMilli();
    }

    /** Whether this event is already one of the fold's (a replay), as far as its recent hashes tell. */
    boolean includes(String eventId) {
        return first.eventId().equals(eventId) || repeats != null && repeats.includes(eventId);
    }

    /** Folds in another distinct event of the same dedup key. */
    void add(RuleHit hit) {
        if (repeats == null) {
            repeats = new Repeats.Gathering(null);
        }
        repeats.add(hit);
    }

    RuleHit hit() {
        return repeats == null ? first : first.withRepeats(repeats.repeats());
    }
}
