package jp.ishigaki.schemas;

import com.networknt.schema.Error;
import jp.ishigaki.schemas.topic.Topic;
import jp.ishigaki.schemas.topic.Topics;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every record, serialised by its topic's serde, is valid against the topic's JSON Schema and reads back equal. */
class ContractSchemaTest {

    private static final Map<Topic<?, ?>, Object> SAMPLES = Map.of(
            Topics.EVENTS_DLQ, Samples.deadLetter(),
            Topics.EVENTS_CLASSIFIED, Samples.classified(),
            Topics.DETECTIONS, Samples.detection(),
            Topics.ASSETS, Samples.asset(),
            Topics.INCIDENT_EVENTS, Samples.incidentEvent(),
            Topics.NOTIFICATION_REQUESTS, Samples.notificationRequest(),
            Topics.NOTIFICATION_RESULTS, Samples.notificationResult(),
            Topics.NOTIFICATION_DLQ, Samples.notificationDeadLetter());

    @TestFactory
    Stream<DynamicTest> everyRecordIsValidAgainstItsTopicSchemaAndRoundTrips() {
        return SAMPLES.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey().name(), () -> {
            @SuppressWarnings("unchecked")
            Topic<String, Object> topic = (Topic<String, Object>) entry.getKey();
            byte[] json = topic.valueSerde().serializer().serialize(topic.name(), entry.getValue());

            List<Error> errors = ContractSchemas.validate(topic.name(), json);

            assertThat(errors).as(new String(json, StandardCharsets.UTF_8)).isEmpty();
            assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), json)).isEqualTo(entry.getValue());
        }));
    }

    @Test
    void everyTopicHasASchemaFile() {
        for (Topic<?, ?> topic : Topics.all()) {
            assertThat(getClass().getResource("/schemas/" + topic.name() + ".schema.json"))
                    .as(topic.name()).isNotNull();
        }
    }

    @Test
    void schemaRejectsADetectionWithoutIdOrWithAnUnknownThreat() {
        String json = "{\"dedupKey\":\"k\",\"ruleId\":\"r\",\"ruleTitle\":\"t\",\"ruleKind\":\"single\","
                + "\"ruleLevel\":\"low\",\"severity\":\"low\",\"threat\":\"T9-99\",\"segment\":\"lgwan\",\"count\":1,"
                + "\"firstSeen\":\"2026-11-26T01:00:00Z\",\"lastSeen\":\"2026-11-26T01:00:00Z\"}";

        List<Error> errors = ContractSchemas.validate(Topics.DETECTIONS.name(), json.getBytes(StandardCharsets.UTF_8));

        assertThat(errors).extracting(Error::toString)
                .anyMatch(e -> e.contains("id"))
                .anyMatch(e -> e.contains("threat"));
    }

    @Test
    void schemaRejectsAnIncidentNumberOutOfFormat() {
        byte[] json = Topics.INCIDENT_EVENTS.valueSerde().serializer().serialize("t", Samples.incidentEvent());
        String broken = new String(json, StandardCharsets.UTF_8).replace("INC-2026-000042", "INC-42");

        assertThat(ContractSchemas.validate(Topics.INCIDENT_EVENTS.name(), broken.getBytes(StandardCharsets.UTF_8)))
                .extracting(Error::toString).anyMatch(e -> e.contains("number"));
    }

    @Test
    void anUnreadableRequestIsAValidDeadLetterButAFailedNoticeNeedsItsRequest() {
        byte[] poison = Topics.NOTIFICATION_DLQ.valueSerde().serializer().serialize("t",
                jp.ishigaki.schemas.notification.NotificationDeadLetter.unreadable(
                        "notification.requests-0@7", "{not json", "not a valid NotificationRequest",
                        java.time.Instant.parse("2026-11-26T01:00:00Z")));
        String failedWithoutRequest = "{\"attempts\":5,\"lastError\":\"x\",\"failedAt\":\"2026-11-26T01:00:00Z\"}";

        assertThat(ContractSchemas.validate(Topics.NOTIFICATION_DLQ.name(), poison)).isEmpty();
        assertThat(ContractSchemas.validate(Topics.NOTIFICATION_DLQ.name(),
                failedWithoutRequest.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }
}
