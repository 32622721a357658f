package jp.ishigaki.notification;

import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.notification.NotificationDeadLetter;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.NotificationResult;
import jp.ishigaki.schemas.topic.Topic;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Producing requests and reading results and dead letters on the test broker. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    public static void request(NotificationRequest request) {
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.NOTIFICATION_REQUESTS, request.incidentId(), request);
    }

    /** Bytes that are not a request, as a broken producer would write them. */
    public static void rawRequest(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.NOTIFICATION_REQUESTS.name(), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code count} results match, returns them in topic order (or fewer when the time runs out). */
    public static List<NotificationResult> results(Predicate<NotificationResult> match, int count, Duration timeout) {
        return values(Topics.NOTIFICATION_RESULTS, match, count, timeout);
    }

    public static List<NotificationDeadLetter> deadLetters(Predicate<NotificationDeadLetter> match, int count,
                                                            Duration timeout) {
        return values(Topics.NOTIFICATION_DLQ, match, count, timeout);
    }

    private static <V> List<V> values(Topic<String, V> topic, Predicate<V> match, int count, Duration timeout) {
        List<V> found = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            Instant deadline = Instant.now().plus(timeout);
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() != null && match.test(record.value())) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }
}
