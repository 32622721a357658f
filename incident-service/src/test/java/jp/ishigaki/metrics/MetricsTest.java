package jp.ishigaki.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Fixtures;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** MTTA / MTTR by group over a period, open counts, and the Micrometer gauges. */
@QuarkusTest
class MetricsTest {

    @Inject
    IncidentGauges gauges;

    @Test
    void shouldReportMttaAndMttrByThreatGroup() {
        Instant from = Instant.now().minus(1, ChronoUnit.DAYS);
        String acked = Fixtures.report("medium", "T4-01", "facility");
        Api.as(Role.OPERATOR).post("/api/incidents/" + acked + "/acknowledge").then().statusCode(200);
        String closed = Fixtures.report("low", "T4-01", "facility");
        Api.as(Role.OPERATOR).body(Map.of("reason", "代替要員を確保")).post("/api/incidents/" + closed + "/tasks/bcp-activation/waive")
                .then().statusCode(200);
        Api.as(Role.MANAGER).body(Map.of("to", "CLOSED")).post("/api/incidents/" + closed + "/transitions").then().statusCode(200);

        Map<String, Object> t4 = Api.as(Role.AUDITOR).queryParam("from", from.toString())
                .queryParam("to", Instant.now().plus(400, ChronoUnit.DAYS).toString()).queryParam("by", "threatGroup")
                .get("/api/metrics/response-times").then().statusCode(200).extract()
                .jsonPath().getMap("groups.find { it.group == 'T4' }");
        assertThat(((Number) t4.get("opened")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Number) t4.get("acknowledged")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) t4.get("closed")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) t4.get("mttaSeconds")).doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(((Number) t4.get("mttrSeconds")).doubleValue()).isGreaterThanOrEqualTo(0);

        Api.as(Role.AUDITOR).queryParam("by", "colour").get("/api/metrics/response-times").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldCountOpenIncidentsAndExposeThemAsGauges() {
        Fixtures.report("critical", "T5-02", "facility");
        List<Map<String, Object>> open = Api.as(Role.AUDITOR).get("/api/metrics/open").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(open).anySatisfy(row -> {
            assertThat(row.get("severity")).isEqualTo("critical");
            assertThat(((Number) row.get("count")).longValue()).isPositive();
        });
        gauges.refresh();
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("ishigaki_incidents_open{severity=\"critical\",state=\"DETECTED\"}"));
    }
}
