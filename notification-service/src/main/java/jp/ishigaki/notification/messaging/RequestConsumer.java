package jp.ishigaki.notification.messaging;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.notification.config.DeliveryConfig;
import jp.ishigaki.notification.delivery.DeliveryLog;
import jp.ishigaki.notification.delivery.Dispatcher;
import jp.ishigaki.notification.metrics.DeliveryMetrics;
import jp.ishigaki.schemas.notification.NotificationDeadLetter;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.Recipient;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code notification.requests}: logs each recipient of a readable request for delivery (idempotent), and
 * dead-letters an unreadable record with its reason so that it never blocks its partition.
 */
@ApplicationScoped
public class RequestConsumer {

    private static final int MAX_RAW = 4096;

    private final DeliveryLog log;
    private final Dispatcher dispatcher;
    private final OutcomePublisher publisher;
    private final DeliveryMetrics metrics;
    private final DeliveryConfig config;
    private final Clock clock = Clock.systemUTC();

    public RequestConsumer(DeliveryLog log, Dispatcher dispatcher, OutcomePublisher publisher, DeliveryMetrics metrics,
                           DeliveryConfig config) {
        this.log = log;
        this.dispatcher = dispatcher;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Takes a poll's worth of records at once: the readable ones are logged in one transaction (committed inside
     * {@link DeliveryLog#accept} before the dispatcher is woken), the unreadable ones dead-lettered. The offsets are
     * committed after this returns, so a crash before the insert commits redelivers the batch (and the log ignores
     * what it already has).
     */
    @Incoming("notification-requests")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<NotificationRequest> requests = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                NotificationRequest request = Topics.NOTIFICATION_REQUESTS.valueSerde().deserializer()
                        .deserialize(record.topic(), record.value());
                check(request);
                requests.add(request);
            } catch (RuntimeException e) {
                deadLetter(record, e.getMessage());
            }
        }
        if (requests.isEmpty()) {
            return;
        }
        int added = log.accept(requests, config.maxAttempts(), clock.instant());
        if (added > 0) {
            dispatcher.wake();
        }
        int recipients = requests.stream().mapToInt(r -> r.recipients().size()).sum();
        if (added < recipients) {
            Log.debugf("%d of %d recipients were logged before (redelivered notices); they are not sent again",
                    recipients - added, recipients);
        }
    }

    private static void check(NotificationRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("empty record");
        }
        if (blank(request.id()) || blank(request.incidentId())) {
            throw new IllegalArgumentException("a notice needs id and incidentId");
        }
        if (request.id().length() > 128 || request.incidentId().length() > 128) {
            throw new IllegalArgumentException("id or incidentId longer than 128 characters");
        }
        if (request.recipients().isEmpty()) {
            throw new IllegalArgumentException("a notice needs at least one recipient");
        }
        for (Recipient recipient : request.recipients()) {
            if (recipient == null || recipient.channel() == null || blank(recipient.address())
                    || recipient.address().length() > 512) {
                throw new IllegalArgumentException("every recipient needs a channel and an address (at most 512 characters)");
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        String source = record.topic() + "-" + record.partition() + "@" + record.offset();
        String raw = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        if (raw.length() > MAX_RAW) {
            raw = raw.substring(0, MAX_RAW);
        }
        Log.warnf("unreadable notice at %s dead-lettered: %s", source, reason);
        publisher.deadLetter(record.key(), NotificationDeadLetter.unreadable(source, raw,
                "unreadable notice: " + reason, Instant.now(clock)));
        metrics.deadLettered("unreadable");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
