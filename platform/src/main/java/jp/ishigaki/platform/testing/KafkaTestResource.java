package jp.ishigaki.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.ishigaki.platform.kafka.EmbeddedKafka;

import java.util.Map;

/**
 * A real Kafka broker for {@code @QuarkusTest}s: one embedded KRaft broker per test JVM, with every registry topic.
 * Use with {@code @QuarkusTestResource(KafkaTestResource.class)}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /** The bootstrap servers of this JVM's broker (starts it on first use). */
    public static String bootstrapServers() {
        return EmbeddedKafka.shared().bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        String servers = bootstrapServers();
        return Map.of(
                "kafka.bootstrap.servers", servers,
                "quarkus.kafka-streams.bootstrap-servers", servers);
    }

    @Override
    public void stop() {
        // The broker is shared by every test class of the JVM and stops at JVM exit.
    }
}
