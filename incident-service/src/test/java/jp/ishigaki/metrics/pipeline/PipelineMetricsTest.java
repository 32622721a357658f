package jp.ishigaki.metrics.pipeline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.event.RejectReason;
import jp.ishigaki.schemas.notification.NotificationDeadLetter;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Topic;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Detections;
import jp.ishigaki.user.domain.Role;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records produced to the pipeline topics on the test broker show up as counts and rates in GET /api/metrics/pipeline
 * and in the Micrometer gauges; the dead-letter rate is dead letters / raw events.
 */
@QuarkusTest
class PipelineMetricsTest {

    @Inject
    PipelineSampler sampler;

    @Test
    void shouldCountRecordsOnThePipelineTopicsAndServeTheirRates() throws Exception {
        sampler.sample();
        produce(Topics.EVENTS_RAW, 40, i -> ("{\"event\":{\"id\":\"pipe-" + i + "\"}}").getBytes(StandardCharsets.UTF_8));
        produce(Topics.EVENTS_DLQ, 10, i -> new DeadLetter(RejectReason.NOT_JSON, "pipeline test",
                Topics.EVENTS_RAW.name(), 0, i, Instant.now(), "pipe-" + i, "not json " + i, null));
        produce(Topics.DETECTIONS, 4, i -> Detections.of("pipeline-test|" + UUID.randomUUID(), Severity.LOW,
                Threat.T2_05, Segment.LGWAN));
        produce(Topics.NOTIFICATION_DLQ, 2, i -> new NotificationDeadLetter(null, null, 5, "550 mailbox unavailable",
                Instant.now(), "pipeline test", null));
        Thread.sleep(50);
        sampler.sample();

        JsonPath json = Api.as(Role.AUDITOR).get("/api/metrics/pipeline").then().statusCode(200).extract().jsonPath();
        assertThat(json.getLong("latest.events")).isEqualTo(40);
        assertThat(json.getLong("latest.deadLetters")).isEqualTo(10);
        assertThat(json.getLong("latest.detections")).isEqualTo(4);
        assertThat(json.getLong("latest.notificationDeadLetters")).isEqualTo(2);
        assertThat(json.getDouble("latest.deadLetterRate")).isEqualTo(0.25);
        double seconds = json.getDouble("latest.seconds");
        assertThat(seconds).isPositive();
        assertThat(json.getDouble("latest.eventsPerSecond")).isPositive()
                .isCloseTo(40 / seconds, org.assertj.core.data.Offset.offset(0.01 + 40 / seconds * 0.01));
        assertThat(json.getDouble("latest.detectionsPerSecond")).isPositive();
        assertThat(json.getDouble("latest.deadLettersPerSecond")).isPositive();
        assertThat(json.getLong("window.events")).isGreaterThanOrEqualTo(40);
        assertThat(json.getLong("endOffsets.'security.events.raw'")).isGreaterThanOrEqualTo(40);
        assertThat(json.getList("series")).isNotEmpty();

        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(gauge(metrics, "ishigaki_pipeline_events_per_second")).isPositive();
        assertThat(gauge(metrics, "ishigaki_pipeline_dead_letter_rate")).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(gauge(metrics, "ishigaki_pipeline_end_offset\\{topic=\"security.events.dlq\"\\}"))
                .isGreaterThanOrEqualTo(10);
    }

    @Test
    void shouldNeedAUserButAnyRole() {
        RestAssured.given().get("/api/metrics/pipeline").then().statusCode(401);
        for (Role role : Role.values()) {
            Api.as(role).get("/api/metrics/pipeline").then().statusCode(200);
        }
    }

    private static <V> void produce(Topic<String, V> topic, int n, IntFunction<V> value) throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topic.name(), "pipe-" + i, value.apply(i)));
            }
            producer.flush();
        }
    }

    private static double gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$").matcher(metrics);
        assertThat(m.find()).as(name + " in /q/metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
