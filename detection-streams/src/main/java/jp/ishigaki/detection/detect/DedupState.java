package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.detection.Detection;

/**
 * One open suppression window for a dedup key: the detection as it stands, how much of it was already published
 * ({@code emittedCount} at event time {@code emittedAtMs}), and the events recently folded into it (to recognise
 * replays). Stored in the windowed store {@code detection-dedup} under the window's start.
 */
public record DedupState(Detection detection, long windowStartMs, long emittedCount, long emittedAtMs,
        RecentEvents recent) {

    public boolean dirty() {
        return detection.count() > emittedCount;
    }

    public DedupState emitted(long atMs) {
        return new DedupState(detection, windowStartMs, detection.count(), atMs, recent);
    }
}
