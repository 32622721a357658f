package jp.ishigaki.schemas.topic;

import org.apache.kafka.common.serialization.Serde;

import java.time.Duration;
import java.util.Map;

/**
 * A Kafka topic with its key and value types. {@code retention} is {@code null} for compacted topics.
 * {@link #config()} gives the topic-level settings to create it with.
 */
public record Topic<K, V>(
        String name,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        boolean compacted,
        Duration retention,
        int defaultPartitions) {

    public Map<String, String> config() {
        return compacted
                ? Map.of("cleanup.policy", "compact")
                : Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(retention.toMillis()));
    }

    @Override
    public String toString() {
        return name;
    }
}
