package jp.ishigaki.incident.adapter.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.incident.application.DetectionIntake;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;

/**
 * Consumes {@code security.detections}. A record that cannot be read or is not a usable detection is kept in
 * {@code rejected_detection} with the reason, counted ({@code ishigaki.detections.rejected}) and logged, and the
 * partition moves on: never lost silently, never blocking. Each record is one transaction; one the database refused
 * for a passing reason (deadlock, lock wait timeout) runs again ({@link TransientRetry}). Any other database
 * failure fails the channel (readiness goes down) so that the record is consumed again after restart:
 * at-least-once, and idempotent by detection id.
 */
@ApplicationScoped
public class DetectionConsumer {

    private final DetectionIntake intake;
    private final RejectedRecords rejected;
    private final MeterRegistry registry;
    private final TransientRetry retry = new TransientRetry(Duration.ofMillis(200));

    public DetectionConsumer(DetectionIntake intake, RejectedRecords rejected, MeterRegistry registry) {
        this.intake = intake;
        this.rejected = rejected;
        this.registry = registry;
    }

    @Incoming("detections")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        retry.inTransaction(record, () -> handle(record));
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        Detection detection;
        try {
            detection = Topics.DETECTIONS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            reject(record, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return;
        }
        String problem = DetectionIntake.problem(detection);
        if (problem != null) {
            reject(record, problem);
            return;
        }
        DetectionIntake.Result result = intake.handle(detection);
        registry.counter("ishigaki.detections.consumed", "result", result.name().toLowerCase()).increment();
    }

    private void reject(ConsumerRecord<String, byte[]> record, String reason) {
        Log.warnf("detection at %s-%d@%d rejected: %s", record.topic(), record.partition(), record.offset(), reason);
        rejected.keep(record, reason);
        registry.counter("ishigaki.detections.rejected").increment();
    }
}
