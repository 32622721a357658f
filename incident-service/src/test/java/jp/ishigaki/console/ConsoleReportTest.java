package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The period report page and its CSV export count an incident opened from a detection. */
@QuarkusTest
class ConsoleReportTest {

    @Test
    void reportCountsADisasterIncidentByThreatGroupAndExportsItAsCsv() {
        Instant now = Instant.now();
        Detection quake = new Detection("det-" + UUID.randomUUID(), "report-test|" + UUID.randomUUID(), "jma-intensity",
                "震度6弱 本庁舎", Detection.RuleKind.single, Severity.HIGH, Severity.HIGH, List.of(), Threat.T3_01,
                List.of(), List.of(), Segment.FACILITY, "city-hall", null, null, null, "JMA 震度 6-", 1, now, now,
                List.of("jma-1"), List.of());
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.DETECTIONS, quake.dedupKey(), quake);

        CookieFilter cookies = signIn(TestUsers.create(Role.AUDITOR));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                given().filter(cookies).get("/console/report").then().statusCode(200).extract().asString())
                .contains("報告書", "T3 地震・落雷・火災等の災害 §3(3)", "施設・設備"));

        Response csv = given().filter(cookies).get("/console/report/csv");
        csv.then().statusCode(200).contentType("text/csv; charset=UTF-8");
        assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment; filename=\"ishigaki-report-");
        String body = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF区分,グループ,受付").contains("\"脅威区分\",\"T3 地震・落雷・火災等の災害 §3(3)\",");
    }

    private static CookieFilter signIn(TestUsers.Credentials user) {
        CookieFilter cookies = new CookieFilter();
        given().filter(cookies).get("/console/login").then().statusCode(200);
        given().filter(cookies).redirects().follow(false)
                .formParam("j_username", user.username()).formParam("j_password", user.password())
                .post("/j_security_check").then().statusCode(302);
        return cookies;
    }
}
