package jp.ishigaki.incident.adapter;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.platform.testing.MariaDbTestResource;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.incident.IncidentEvent;
import jp.ishigaki.schemas.notification.NotificationKind;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.Recipient;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Topic;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Contacts;
import jp.ishigaki.testing.Detections;
import jp.ishigaki.user.domain.Role;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The walking skeleton: detection on Kafka → incident in MariaDB → incident.events and notification.requests. */
@QuarkusTest
class DetectionIntakeTest {

    private static final Topic<String, byte[]> RAW_DETECTIONS =
            new Topic<>(Topics.DETECTIONS.name(), Serdes.String(), Serdes.ByteArray(), false, Duration.ofDays(1), 3);

    @Test
    void shouldOpenAnIncidentAndPublishItsEventAndNoticeFromADetection() throws Exception {
        Contacts.ensure();
        String dedupKey = "win-4625|pc-" + UUID.randomUUID();
        Detection detection = Detections.of(dedupKey, Severity.HIGH, Threat.T1_01, Segment.LGWAN);
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.DETECTIONS, dedupKey, detection);

        String[] incident = awaitIncident(dedupKey);
        String id = incident[0];
        assertThat(incident[1]).matches("INC-\\d{4}-\\d{6}");

        List<ConsumerRecord<String, IncidentEvent>> opened = KafkaRecords.await(KafkaTestResource.bootstrapServers(),
                Topics.INCIDENT_EVENTS, r -> id.equals(r.key()) && r.value().type() == IncidentEvent.Type.OPENED,
                Duration.ofSeconds(20));
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).value().number()).isEqualTo(incident[1]);
        assertThat(opened.get(0).value().severity()).isEqualTo(Severity.HIGH);

        List<ConsumerRecord<String, NotificationRequest>> notices = KafkaRecords.await(
                KafkaTestResource.bootstrapServers(), Topics.NOTIFICATION_REQUESTS,
                r -> id.equals(r.key()) && r.value().kind() == NotificationKind.NEW_INCIDENT, Duration.ofSeconds(20));
        assertThat(notices).hasSize(1);
        NotificationRequest notice = notices.get(0).value();
        assertThat(notice.level()).isEqualTo(1);
        assertThat(notice.recipients()).extracting(Recipient::role).containsOnly("operator");
        assertThat(notice.incidentNumber()).isEqualTo(incident[1]);

        Api.as(Role.OPERATOR).queryParam("q", incident[1]).when().get("/api/incidents").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id)).body("items[0].state", equalTo("DETECTED"));
        Api.as(Role.AUDITOR).when().get("/api/incidents/" + id).then().statusCode(200)
                .body("number", equalTo(incident[1])).body("threat", equalTo("T1-01"))
                .body("tasks.code", hasItem("report-police"))
                .body("escalationClock.level", equalTo(1));
    }

    @Test
    void shouldAttachADetectionWithTheSameDedupKeyAndIgnoreARedelivery() throws Exception {
        String dedupKey = "win-4625|pc-" + UUID.randomUUID();
        Detection first = Detections.of(dedupKey, Severity.MEDIUM, Threat.T1_01, Segment.INTERNET);
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.DETECTIONS, dedupKey, first);
        String id = awaitIncident(dedupKey)[0];

        Detection second = Detections.of(dedupKey, Severity.HIGH, Threat.T1_01, Segment.INTERNET);
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.DETECTIONS, dedupKey, first);
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.DETECTIONS, dedupKey, second);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            try (Connection c = MariaDbTestResource.connection();
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT COUNT(*), MAX(detection_count), MAX(severity) FROM incident WHERE dedup_key = ?")) {
                ps.setString(1, dedupKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("one incident for one dedup key").isEqualTo(1);
                    assertThat(rs.getLong(2)).as("25 + 25 hits, the redelivery not counted").isEqualTo(50);
                    assertThat(rs.getString(3)).as("severity rose with the second detection").isEqualTo("high");
                }
            }
        });
        List<ConsumerRecord<String, IncidentEvent>> attached = KafkaRecords.await(KafkaTestResource.bootstrapServers(),
                Topics.INCIDENT_EVENTS, r -> id.equals(r.key()) && r.value().type() == IncidentEvent.Type.SEVERITY_RAISED,
                Duration.ofSeconds(20));
        assertThat(attached).isNotEmpty();
    }

    @Test
    void shouldKeepAMalformedRecordAndGoOnWithTheNextOne() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), RAW_DETECTIONS, key, "{not json".getBytes());
        String dedupKey = "after-garbage|" + UUID.randomUUID();
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), RAW_DETECTIONS, dedupKey,
                Topics.DETECTIONS.valueSerde().serializer().serialize(Topics.DETECTIONS.name(),
                        Detections.of(dedupKey, Severity.LOW, Threat.T2_05, Segment.LGWAN)));

        awaitIncident(dedupKey);
        try (Connection c = MariaDbTestResource.connection();
             PreparedStatement ps = c.prepareStatement("SELECT reason, payload FROM rejected_detection WHERE msg_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("the malformed record is kept").isTrue();
                assertThat(rs.getString(1)).contains("not a valid Detection");
                assertThat(new String(rs.getBytes(2))).isEqualTo("{not json");
            }
        }
    }

    static String[] awaitIncident(String dedupKey) {
        String[] found = new String[2];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection c = MariaDbTestResource.connection();
                 PreparedStatement ps = c.prepareStatement("SELECT id, number FROM incident WHERE dedup_key = ?")) {
                ps.setString(1, dedupKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found[0] = rs.getString(1);
                        found[1] = rs.getString(2);
                        return true;
                    }
                    return false;
                }
            }
        });
        return found;
    }
}
