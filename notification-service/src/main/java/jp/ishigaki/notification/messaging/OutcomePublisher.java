package jp.ishigaki.notification.messaging;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.schemas.notification.NotificationDeadLetter;
import jp.ishigaki.schemas.notification.NotificationResult;
import jp.ishigaki.schemas.topic.Topics;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

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

    public OutcomePublisher(@Channel("notification-results")
                            @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
                            MutinyEmitter<byte[]> results,
                            @Channel("notification-dlq") MutinyEmitter<byte[]> deadLetters) {
        this.results = results;
        this.deadLetters = deadLetters;
    }

    /**
     * Sends without holding the sender thread for the broker's acknowledgement; a failure is logged (the delivery log
     * keeps the truth).
     */
    public void result(NotificationResult result) {
        byte[] bytes = Topics.NOTIFICATION_RESULTS.valueSerde().serializer()
                .serialize(Topics.NOTIFICATION_RESULTS.name(), result);
        results.sendMessage(Message.of(bytes).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(result.incidentId()).build()))
                .ifNoItem().after(ACK_TIMEOUT).fail()
                .subscribe().with(ok -> { }, e -> Log.errorf("could not publish result %s: %s", result.id(), e.getMessage()));
    }

    /** Sends and waits for the acknowledgement (rare, and the consumer commits the poison record's offset after it). */
    public void deadLetter(String key, NotificationDeadLetter deadLetter) {
        byte[] bytes = Topics.NOTIFICATION_DLQ.valueSerde().serializer().serialize(Topics.NOTIFICATION_DLQ.name(), deadLetter);
        try {
            deadLetters.sendMessage(Message.of(bytes).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(key).build())).await().atMost(ACK_TIMEOUT);
        } catch (RuntimeException e) {
            Log.errorf("could not publish a dead letter: %s", e.getMessage());
        }
    }
}
