package jp.ishigaki.incident.adapter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.platform.testing.MariaDbTestResource;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.testing.Api;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

/**
 * The detections behind an incident, from a detection on the real broker to {@code incident_detection} and
 * {@code GET /api/incidents/{id}/detections}: controls, severity reasons, bounded samples; a re-publication of the same
 * detection id updates its count and samples, never adds a row.
 */
@QuarkusTest
class DetectionEvidenceTest {

    private static final String HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

    @Test
    void shouldKeepADetectionWithItsControlsReasonsAndAtMostFiveSizeLimitedSamples() {
        String dedupKey = "evidence|pc-" + UUID.randomUUID();
        List<Map<String, Object>> samples = new ArrayList<>();
        samples.add(Map.of("event.id", "evt-0", "message", HOSTILE, "host.name", "pc-somu-014"));
        samples.add(Map.of("event.id", "evt-1", "message", "x".repeat(20_000)));
        for (int i = 2; i < 8; i++) {
            samples.add(Map.of("event.id", "evt-" + i, "event.code", "4625"));
        }
        Detection d = detection("det-" + UUID.randomUUID(), dedupKey, 25, Instant.now(), samples);
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.DETECTIONS, dedupKey, d);
        String[] incident = DetectionIntakeTest.awaitIncident(dedupKey);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Api.as(Role.AUDITOR).get("/api/incidents/" + incident[1] + "/detections").then().statusCode(200)
                        .body("", hasSize(1))
                        .body("[0].detectionId", equalTo(d.id()))
                        .body("[0].ruleId", equalTo("win-4625-bruteforce"))
                        .body("[0].ruleKind", equalTo("correlation"))
                        .body("[0].count", equalTo(25))
                        .body("[0].controls", contains("MN-MFA", "MN-NO-EXPORT"))
                        .body("[0].severityReasons", contains("ルールの基本レベル: medium",
                                "マイナンバー利用事務系のため高以上"))
                        .body("[0].samples", hasSize(5))
                        .body("[0].samples[0].message", equalTo(HOSTILE))
                        .body("[0].samples[1].'ishigaki.truncated'", equalTo(true))
                        .body("[0].samples[1].'ishigaki.originalBytes'", greaterThan(20_000))
                        .body("[0].samples[4].'event.id'", equalTo("evt-4")));
        Api.as(Role.OPERATOR).get("/api/incidents/" + incident[0] + "/detections").then().statusCode(200)
                .body("", hasSize(1));
        try (Connection c = MariaDbTestResource.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT LENGTH(samples) FROM incident_detection WHERE detection_id = ?")) {
            ps.setString(1, d.id());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("five samples of at most 8 KiB each").isLessThan(5 * 8192 + 200);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRepublishedDetectionUpdatesItsCountAndSamplesNotItsRowsAndTheIncidentCountsTheNewHits() throws Exception {
        String dedupKey = "evidence-repeat|pc-" + UUID.randomUUID();
        String id = "det-" + UUID.randomUUID();
        Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> s1 = Map.of("event.id", "evt-a", "event.code", "4625");
        Map<String, Object> s2 = Map.of("event.id", "evt-b", "event.code", "4625");
        Detection early = detection(id, dedupKey, 3, first, List.of(s1));
        Detection later = detection(id, dedupKey, 7, first.plusSeconds(90), List.of(s1, s2));
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.DETECTIONS, dedupKey, early);
        String incidentId = DetectionIntakeTest.awaitIncident(dedupKey)[0];

        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.DETECTIONS, dedupKey, later);
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.DETECTIONS, dedupKey, early);
        Detection other = detection("det-" + UUID.randomUUID(), dedupKey, 2, first.plusSeconds(120), List.of());
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.DETECTIONS, dedupKey, other);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Api.as(Role.AUDITOR).get("/api/incidents/" + incidentId + "/detections").then().statusCode(200)
                        .body("", hasSize(2))
                        .body("[0].detectionId", equalTo(id))
                        .body("[0].count", equalTo(7))
                        .body("[0].lastSeen", equalTo(first.plusSeconds(90).toString()))
                        .body("[0].samples.'event.id'", contains("evt-a", "evt-b"))
                        .body("[1].detectionId", equalTo(other.id()))
                        .body("[1].count", equalTo(2)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Api.as(Role.AUDITOR).get("/api/incidents/" + incidentId).then().statusCode(200)
                        .body("detectionCount", equalTo(3 + 4 + 2)));
        try (Connection c = MariaDbTestResource.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT COUNT(*), MAX(hit_count) FROM incident_detection WHERE detection_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("one row per detection id").isEqualTo(1);
                assertThat(rs.getLong(2)).as("the older redelivery did not lower the count").isEqualTo(7);
            }
        }
    }

    @Test
    void anUnknownIncidentIsAProblemAnonymousCallersAreRefusedAndOpenApiDescribesIt() {
        Api.as(Role.AUDITOR).get("/api/incidents/INC-2020-999999/detections").then().statusCode(404)
                .contentType("application/problem+json");
        RestAssured.given().get("/api/incidents/INC-2020-999999/detections").then().statusCode(401);
        RestAssured.given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/incidents/{id}/detections'.get.summary", containsString("detections behind"));
    }

    private static Detection detection(String id, String dedupKey, long count, Instant last,
                                       List<Map<String, Object>> samples) {
        return new Detection(id, dedupKey, "win-4625-bruteforce", "ログオン失敗の連続（総当たり攻撃の疑い）",
                Detection.RuleKind.correlation, Severity.MEDIUM, Severity.HIGH,
                List.of("ルールの基本レベル: medium", "マイナンバー利用事務系のため高以上"), Threat.T1_01,
                List.of(Control.MN_MFA, Control.MN_NO_EXPORT), List.of("attack.t1110"), Segment.MYNUMBER,
                "pc-somu-014", "tanaka", "192.0.2.10", null, "ログオン失敗 " + count + " 回", count,
                last.minusSeconds(600), last, List.of("evt-1"), samples);
    }
}
