package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.detection.Detection;

/**
 * One open suppression window for a dedup key: the detection as it stands, how much of it was already published
 * ({@code emittedCount} at event time {@code emittedAtMs}), and the events recently folded into it (to recognise
 * replays). Stored in the windowed store {@code detection-dedup} under the window's start; {@code json} is the
 * detection's serialised form shared by the window's state records while only its count and times change.
 */
public record DedupState(Detection detection, DetectionJson json, long windowStartMs, long emittedCount,
        long emittedAtMs, RecentEvents recent) {

    public DedupState(Detection detection, long windowStartMs, long emittedCount, long emittedAtMs,
            RecentEvents recent) {
        this(detection, new DetectionJson(detection), windowStartMs, emittedCount, emittedAtMs, recent);
    }

    public boolean dirty() {
        return detection.count() > emittedCount;
    }

    public DedupState emitted(long atMs) {
        return new DedupState(detection, json, windowStartMs, detection.count(), atMs, recent);
    }

    /** This window with a hit folded in: {@code absorbed} is the detection with it, {@code recent} its events. */
    public DedupState folded(Detection absorbed, RecentEvents recent) {
        return new DedupState(absorbed, json.covers(absorbed) ? json : new DetectionJson(absorbed), windowStartMs,
                emittedCount, emittedAtMs, recent);
    }
}
