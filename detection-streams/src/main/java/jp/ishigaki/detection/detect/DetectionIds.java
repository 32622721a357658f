package jp.ishigaki.detection.detect;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic detection ids: a name-based UUID of the dedup key and the event that opened the window. */
public final class DetectionIds {

    private DetectionIds() {
    }

    public static String of(String dedupKey, String openingEventId) {
        return UUID.nameUUIDFromBytes((dedupKey + "\n" + openingEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
