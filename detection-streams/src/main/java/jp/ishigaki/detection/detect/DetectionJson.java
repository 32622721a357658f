package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.topic.JsonSerde;

import java.time.Instant;

/**
 * A detection's JSON contract as of its last change other than its count and first/last seen: the part of the dedup
 * state that is written on every folded hit but changes only while event ids and samples are still being gathered
 * (at most {@link Detections#MAX_EVENT_IDS} hits). It is serialised once and its bytes reused by every later state
 * record of the window; the count, the times and the count in the summary travel beside it in binary.
 */
public final class DetectionJson {

    private static final JsonSerde<Detection> SERDE = new JsonSerde<>(Detection.class);

    private final Detection base;
    private byte[] bytes;

    DetectionJson(Detection base) {
        this.base = base;
    }

    private DetectionJson(Detection base, byte[] bytes) {
        this.base = base;
        this.bytes = bytes;
    }

    static DetectionJson read(byte[] bytes) {
        return new DetectionJson(SERDE.fromBytes(bytes), bytes);
    }

    Detection base() {
        return base;
    }

    /** Serialised on first use, then kept: the state records of one window share it. */
    byte[] bytes() {
        if (bytes == null) {
            bytes = SERDE.toBytes(base);
        }
        return bytes;
    }

    /** True when {@code later} differs from this one only in count, first/last seen and summary count. */
    boolean covers(Detection later) {
        return later.id().equals(base.id()) && later.eventIds().size() == base.eventIds().size()
                && later.samples().size() == base.samples().size();
    }

    /** The detection this JSON stands for, with the count and times it has reached since. */
    Detection with(long count, Instant firstSeen, Instant lastSeen) {
        return Detections.progressed(base, count, firstSeen, lastSeen, base.eventIds(), base.samples());
    }
}
