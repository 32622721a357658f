package jp.ishigaki.detection.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jp.ishigaki.detection.topology.TopologySettings;

import java.time.Duration;

/** Dedup, flood control, correlation and validation settings of the topology. */
@ConfigMapping(prefix = "ishigaki.detection")
public interface DetectionConfig {

    /** Repeats of one dedup key within this window update one detection instead of creating new ones. */
    @WithDefault("10m")
    Duration suppressionWindow();

    /** A detection's growing count is published at most this often (and at the end of its window). */
    @WithDefault("30s")
    Duration updateInterval();

    /** How long correlation hits are kept: the longest correlation timespan that is honoured. */
    @WithDefault("24h")
    Duration correlationRetention();

    /** Raw records larger than this many bytes are dead-lettered as TOO_LARGE. */
    @WithDefault("262144")
    int maxEventBytes();

    /** Regular expression (case-insensitive) recognising a server room or data centre in an asset name or labels.room. */
    @WithDefault("サーバ室|サーバー室|電算室|マシン室|データセンタ|server[ -]?room|data[ -]?cent(er|re)")
    String serverRoomPattern();

    /** Keep the windowed dedup/correlation stores in RocksDB (true) or in memory, restored from changelogs (false). */
    @WithDefault("true")
    boolean persistentStores();

    /**
     * A single rule's repeated hits of one dedup key are folded into one record before the repartition and sent on
     * once the hits pause for a fifth of this, and at least this often while they keep coming: a flood costs a few
     * records instead of one per event.
     */
    @WithDefault("1s")
    Duration foldInterval();

    default TopologySettings settings() {
        return new TopologySettings(suppressionWindow(), updateInterval(), correlationRetention(), maxEventBytes(),
                serverRoomPattern(), persistentStores(), foldInterval());
    }
}
