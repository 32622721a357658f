package jp.ishigaki.detection.topology;

import jp.ishigaki.detection.classify.SeverityPolicy;
import jp.ishigaki.schemas.event.RawEvents;

import java.time.Duration;

/**
 * The knobs of the topology: suppression window of the dedup, the interval between count updates of one
 * detection, how long correlation hits are kept (the longest correlation timespan honoured), the raw size limit,
 * the words that name a server room, whether the windowed stores live in RocksDB (persistent, the default) or in
 * memory (restored from their changelogs on start; faster, bounded by heap), and how often a single rule's repeated
 * hits, folded before the repartition, are sent on ({@link HitFolder}).
 */
public record TopologySettings(Duration suppressionWindow, Duration updateInterval, Duration correlationRetention,
        int maxEventBytes, String serverRoomPattern, boolean persistentStores, Duration foldInterval) {

    public static TopologySettings defaults() {
        return new TopologySettings(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofDays(1),
                RawEvents.DEFAULT_MAX_BYTES, SeverityPolicy.DEFAULT_SERVER_ROOM_PATTERN, true, Duration.ofSeconds(1));
    }

    public TopologySettings withSuppressionWindow(Duration window) {
        return new TopologySettings(window, updateInterval, correlationRetention, maxEventBytes, serverRoomPattern,
                persistentStores, foldInterval);
    }

    public TopologySettings withUpdateInterval(Duration interval) {
        return new TopologySettings(suppressionWindow, interval, correlationRetention, maxEventBytes, serverRoomPattern,
                persistentStores, foldInterval);
    }

    public TopologySettings withPersistentStores(boolean persistent) {
        return new TopologySettings(suppressionWindow, updateInterval, correlationRetention, maxEventBytes,
                serverRoomPattern, persistent, foldInterval);
    }
}
