package jp.ishigaki.detection.config;

import jp.ishigaki.schemas.topic.Topics;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Supplies {@code quarkus.kafka-streams.topics} (the topics the application waits for before starting) from the
 * topic registry, so that no topic name is spelt in configuration. Low ordinal: application.properties may override.
 */
public class TopicsConfigSource implements ConfigSource {

    private static final Map<String, String> VALUES = Map.of("quarkus.kafka-streams.topics",
            Stream.of(Topics.EVENTS_RAW, Topics.ASSETS).map(t -> t.name()).collect(Collectors.joining(",")));

    @Override
    public Set<String> getPropertyNames() {
        return VALUES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "ishigaki-topic-registry";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
