package jp.ishigaki.notification.messaging;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.schemas.notification.NotificationDeadLetter;
import jp.ishigaki.schemas.notification.NotificationResult;
import jp.ishigaki.schemas.topic.Topic;
import jp.ishigaki.schemas.topic.Topics;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;

/**
 * Publishes attempt results to {@code notification.results} and dead letters to {@code notification.dlq}, keyed by
 * incident. Values are written with the topic registry's serdes here (the channels carry bytes), so the Kafka client
 * never instantiates contract classes itself.
 */
@ApplicationScoped
public class OutcomePublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<byte[]> results;
    private final MutinyEmitter<byte[]> deadLetters;

    public OutcomePublisher(@Channel("notification-results") MutinyEmitter<byte[]> results,
                            @Channel("notification-dlq") MutinyEmitter<byte[]> deadLetters) {
        this.results = results;
        this.deadLetters = deadLetters;
    }

    /** Sends and waits for the broker's acknowledgement; a failure is logged, the delivery log keeps the truth. */
    public void result(NotificationResult result) {
        send(results, Topics.NOTIFICATION_RESULTS, result.incidentId(), result, "result " + result.id());
    }

    public void deadLetter(String key, NotificationDeadLetter deadLetter) {
        send(deadLetters, Topics.NOTIFICATION_DLQ, key, deadLetter, "dead letter");
    }

    private static <T> void send(MutinyEmitter<byte[]> emitter, Topic<String, T> topic, String key, T value, String what) {
        try {
            byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
            emitter.sendMessage(Message.of(bytes).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(key).build())).await().atMost(ACK_TIMEOUT);
        } catch (RuntimeException e) {
            Log.errorf("could not publish %s: %s", what, e.getMessage());
        }
    }
}
