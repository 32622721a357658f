package jp.ishigaki.console.rejected;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the tail of {@code security.events.dlq} with a short-lived consumer (assign and seek, no consumer group) and
 * sends a fixed record back to {@code security.events.raw} under its original key, for the rejected-events page.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Duration READ_BUDGET = Duration.ofSeconds(5);

    /** One record of the dead-letter topic; {@code letter} is null when the record itself is unreadable. */
    public record Entry(int partition, long offset, Instant timestamp, String key, DeadLetter letter, String problem) {
    }

    private final String bootstrap;

    public DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The last {@code n} records of each partition, newest first. */
    public List<Entry> latest(int n) {
        List<Entry> entries = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<PartitionInfo> infos = Optional.ofNullable(consumer.partitionsFor(Topics.EVENTS_DLQ.name(),
                    READ_BUDGET)).orElse(List.of());
            List<TopicPartition> parts = infos.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (parts.isEmpty()) {
                return List.of();
            }
            consumer.assign(parts);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts, READ_BUDGET);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, READ_BUDGET);
            for (TopicPartition tp : parts) {
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - n));
            }
            Instant deadline = Instant.now().plus(READ_BUDGET);
            while (Instant.now().isBefore(deadline)
                    && parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    entries.add(entry(r));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::timestamp).reversed().thenComparing(Entry::offset,
                Comparator.reverseOrder()));
        return entries.size() > n ? entries.subList(0, n) : entries;
    }

    /** The record at one position of the dead-letter topic, if it is still there. */
    public Optional<Entry> at(int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(Topics.EVENTS_DLQ.name(), partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            Instant deadline = Instant.now().plus(READ_BUDGET);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    return r.offset() == offset ? Optional.of(entry(r)) : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            Log.warnf("cannot read %s-%d@%d: %s", Topics.EVENTS_DLQ.name(), partition, offset, e.getMessage());
            return Optional.empty();
        }
    }

    /** Sends a fixed value to {@code security.events.raw} under the given key and waits for the broker. */
    public void replay(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.EVENTS_RAW.name(), key, value)).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send to " + Topics.EVENTS_RAW.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + Topics.EVENTS_RAW.name(), e);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Entry entry(ConsumerRecord<String, byte[]> r) {
        Instant at = Instant.ofEpochMilli(r.timestamp());
        try {
            DeadLetter letter = Topics.EVENTS_DLQ.valueSerde().deserializer().deserialize(r.topic(), r.value());
            return new Entry(r.partition(), r.offset(), at, r.key(), letter, letter == null ? "empty record" : null);
        } catch (RuntimeException e) {
            return new Entry(r.partition(), r.offset(), at, r.key(), null, "unreadable dead letter: "
                    + e.getMessage());
        }
    }
}
