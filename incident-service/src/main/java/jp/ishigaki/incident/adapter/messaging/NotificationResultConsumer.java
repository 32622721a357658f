package jp.ishigaki.incident.adapter.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.incident.application.NotificationResults;
import jp.ishigaki.schemas.notification.NotificationResult;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;

/**
 * Consumes {@code notification.results} into the incident timeline, idempotent by result id; unreadable records are
 * kept with the reason like unreadable detections.
 */
@ApplicationScoped
public class NotificationResultConsumer {

    private final NotificationResults results;
    private final RejectedRecords rejected;
    private final MeterRegistry registry;
    private final TransientRetry retry = new TransientRetry(Duration.ofMillis(200));

    public NotificationResultConsumer(NotificationResults results, RejectedRecords rejected, MeterRegistry registry) {
        this.results = results;
        this.rejected = rejected;
        this.registry = registry;
    }

    @Incoming("notification-results")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        retry.inTransaction(record, () -> handle(record));
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        NotificationResult result;
        try {
            result = Topics.NOTIFICATION_RESULTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            result = null;
        }
        if (result == null || result.id() == null || result.incidentId() == null || result.status() == null) {
            Log.warnf("notification result at %s-%d@%d is unreadable", record.topic(), record.partition(), record.offset());
            rejected.keep(record, "not a usable NotificationResult");
            registry.counter("ishigaki.notification-results.rejected").increment();
            return;
        }
        results.record(result);
        registry.counter("ishigaki.notification-results.consumed", "status", result.status().name()).increment();
    }
}
