package jp.ishigaki.incident.adapter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Fixtures;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The incident API: manual report, workflow commands, filters, problem+json for every bad request, roles. */
@QuarkusTest
class IncidentApiTest {

    @Test
    void shouldOpenAManualReportWithTheSeverityPolicyApplied() {
        var response = Api.as(Role.OPERATOR).body(Map.of("title", "マイナンバー端末で USB 書込み", "threat", "T2-01",
                        "severity", "low", "segment", "mynumber"))
                .post("/api/incidents").then().statusCode(201)
                .header("Location", containsString("/api/incidents/"))
                .body("number", startsWith("INC-")).body("source", equalTo("MANUAL"))
                .body("severity", equalTo("high")).body("state", equalTo("DETECTED")).body("stateLabel", equalTo("検知・受付"))
                .body("reportedBy", equalTo(Api.userName(Role.OPERATOR)))
                .extract();
        String id = response.path("id");
        Api.as(Role.AUDITOR).get("/api/incidents/" + id + "/timeline").then().statusCode(200)
                .body("text", hasItem(containsString("マイナンバー利用事務系のため高以上")))
                .body("[0].actor", equalTo(Api.userName(Role.OPERATOR)));
    }

    @Test
    void shouldRejectBadRequestsWithProblemJson() {
        String id = Fixtures.report("medium", "T2-05", "lgwan");
        Api.as(Role.OPERATOR).get("/api/incidents?state=BOGUS").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("unknown state 'BOGUS'"))
                .body("status", equalTo(400));
        Api.as(Role.OPERATOR).get("/api/incidents?sort=height").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as(Role.OPERATOR).body(Map.of("to", "FINISHED")).post("/api/incidents/" + id + "/transitions").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("unknown state"));
        Api.as(Role.OPERATOR).body(Map.of("title", "x", "threat", "T9-99", "severity", "low"))
                .post("/api/incidents").then().statusCode(400).body("detail", containsString("unknown threat code"));
        Api.as(Role.OPERATOR).body(Map.of("title", " ", "threat", "T2-05", "severity", "low"))
                .post("/api/incidents").then().statusCode(400).body("detail", containsString("title is required"));
        Api.as(Role.OPERATOR).body("{\"to\": ").post("/api/incidents/" + id + "/transitions").then()
                .statusCode(400).contentType("application/problem+json").body("detail", not(containsString("Exception")));
        Api.as(Role.OPERATOR).get("/api/incidents/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldExplainAnIllegalTransition() {
        String id = Fixtures.report("high", "T1-02", "lgwan");
        Api.as(Role.OPERATOR).body(Map.of("to", "TRIAGE")).post("/api/incidents/" + id + "/transitions").then()
                .statusCode(200).body("state", equalTo("TRIAGE"));
        Api.as(Role.OPERATOR).body(Map.of("to", "INVESTIGATION")).post("/api/incidents/" + id + "/transitions").then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("SKIP_NOT_ALLOWED"))
                .body("detail", containsString("CONTAINMENT"));
        Api.as(Role.OPERATOR).body(Map.of("to", "DISMISSED")).post("/api/incidents/" + id + "/transitions").then()
                .statusCode(422).body("code", equalTo("REASON_REQUIRED"));
        Api.as(Role.OPERATOR).body(Map.of("to", "CONTAINMENT")).post("/api/incidents/" + id + "/transitions").then()
                .statusCode(200).body("tasks.code", hasItem("t1-isolate"));
    }

    @Test
    void shouldWalkAnIncidentToClosedWithTasksAcknowledgementAndComments() {
        String id = Fixtures.report("medium", "T1-01", "internet");
        Api.as(Role.OPERATOR).post("/api/incidents/" + id + "/acknowledge").then().statusCode(200)
                .body("acknowledgement.by", equalTo(Api.userName(Role.OPERATOR))).body("escalationClock", nullValue());
        Api.as(Role.OPERATOR).post("/api/incidents/" + id + "/acknowledge").then().statusCode(409)
                .body("code", equalTo("ALREADY_ACKNOWLEDGED"));
        Api.as(Role.OPERATOR).body(Map.of("assignee", "tanaka")).post("/api/incidents/" + id + "/assign").then()
                .statusCode(200).body("assignee", equalTo("tanaka"));
        Api.as(Role.OPERATOR).body(Map.of("text", "<script>alert(1)</script> ログを確認中")).post("/api/incidents/" + id + "/comments")
                .then().statusCode(200);
        for (String state : List.of("TRIAGE", "CONTAINMENT", "INVESTIGATION", "RECOVERY", "LESSONS")) {
            Api.as(Role.OPERATOR).body(Map.of("to", state)).post("/api/incidents/" + id + "/transitions").then().statusCode(200);
        }
        Map<String, String> close = Map.of("to", "CLOSED", "rootCause", "VPN 機器の脆弱性", "recurrencePrevention", "パッチ適用手順の見直し");
        Api.as(Role.OPERATOR).body(close).post("/api/incidents/" + id + "/transitions").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        Api.as(Role.MANAGER).body(close).post("/api/incidents/" + id + "/transitions").then().statusCode(409)
                .body("code", equalTo("MANDATORY_TASKS_OPEN")).body("detail", containsString("report-police"));
        Api.as(Role.OPERATOR).body(Map.of()).post("/api/incidents/" + id + "/tasks/report-police/waive").then()
                .statusCode(422).body("code", equalTo("REASON_REQUIRED"));
        Api.as(Role.MANAGER).body(Map.of("reason", "被害なし、相談不要と判断")).post("/api/incidents/" + id + "/tasks/report-police/waive")
                .then().statusCode(200);
        Api.as(Role.MANAGER).body(close).post("/api/incidents/" + id + "/transitions").then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("closedAt", notNullValue()).body("rootCause", equalTo("VPN 機器の脆弱性"));
        Api.as(Role.AUDITOR).get("/api/incidents/" + id + "/timeline").then().statusCode(200)
                .body("text", hasItem("コメント: <script>alert(1)</script> ログを確認中"))
                .body("text", hasItem(containsString("タスク免除")));
    }

    @Test
    void shouldLetTheAuditorReadButChangeNothing() {
        String id = Fixtures.report("low", "T2-05", "lgwan");
        Api.as(Role.AUDITOR).get("/api/incidents/" + id).then().statusCode(200);
        Api.as(Role.AUDITOR).get("/api/incidents/" + id + "/timeline/verify").then().statusCode(200).body("intact", is(true));
        Api.as(Role.AUDITOR).post("/api/incidents/" + id + "/acknowledge").then().statusCode(403);
        Api.as(Role.AUDITOR).body(Map.of("text", "x")).post("/api/incidents/" + id + "/comments").then().statusCode(403);
        RestAssured.given().get("/api/incidents").then().statusCode(401);
    }

    @Test
    void shouldFilterSortAndPageTheQueue() {
        String marker = "絞込" + UUID.randomUUID().toString().substring(0, 6);
        String critical = Fixtures.report(Map.of("title", marker + " 停電", "threat", "T5-01", "severity", "critical", "segment", "facility"));
        String low = Fixtures.report(Map.of("title", marker + " 設定ミス", "threat", "T2-05", "severity", "low", "segment", "lgwan"));
        String medium = Fixtures.report(Map.of("title", marker + " 不正アクセス", "threat", "T1-01", "severity", "medium", "segment", "internet"));
        Api.as(Role.OPERATOR).queryParam("q", marker).get("/api/incidents").then().statusCode(200)
                .body("total", equalTo(3)).body("items[0].id", equalTo(critical)).body("items[2].id", equalTo(low));
        Api.as(Role.OPERATOR).queryParam("q", marker).queryParam("threatGroup", "T5").get("/api/incidents").then()
                .body("total", equalTo(1)).body("items[0].threat", equalTo("T5-01"));
        Api.as(Role.OPERATOR).queryParam("q", marker).queryParam("severity", "low,medium").queryParam("segment", "lgwan")
                .get("/api/incidents").then().body("total", equalTo(1)).body("items[0].id", equalTo(low));
        Api.as(Role.OPERATOR).queryParam("q", marker).queryParam("acknowledged", "false").queryParam("size", 2)
                .get("/api/incidents").then().body("items.size()", equalTo(2)).body("total", equalTo(3))
                .body("items.acknowledged", everyItem(is(false)));
        // The low incident's first notice may wait for working hours, so under the shared test clock it can be due
        // first; the order itself is what is checked here.
        var byDue = Api.as(Role.OPERATOR).queryParam("q", marker).queryParam("sort", "nextDue").get("/api/incidents")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = byDue.getList("items.id");
        List<String> dues = byDue.getList("items.nextDueAt");
        assertThat(ids).hasSize(3);
        assertThat(ids.indexOf(critical)).as("15 min before 4 h").isLessThan(ids.indexOf(medium));
        assertThat(dues.stream().map(d -> d == null ? java.time.Instant.MAX : java.time.Instant.parse(d)).toList())
                .isSorted();
        Api.as(Role.OPERATOR).queryParam("q", marker).queryParam("state", "TRIAGE").get("/api/incidents").then()
                .body("total", equalTo(0));
        Api.as(Role.OPERATOR).queryParam("q", marker).queryParam("state", "OPEN").get("/api/incidents").then()
                .body("total", equalTo(3)).body("items[0].id", equalTo(critical));
    }

    @Test
    void shouldSearchNumberTitleAndDescriptionTakingTheTextLiterally() {
        String marker = "検索" + UUID.randomUUID().toString().substring(0, 6);
        String inDescription = Fixtures.report(Map.of("title", "説明文で探す", "description", "経緯: " + marker + " の端末で発生",
                "threat", "T2-05", "severity", "low", "segment", "lgwan"));
        String literal = Fixtures.report(Map.of("title", marker + " 100%_完了", "threat", "T2-05", "severity", "low",
                "segment", "lgwan"));
        Fixtures.report(Map.of("title", marker + " 1000X完了", "threat", "T2-05", "severity", "low", "segment", "lgwan"));
        String number = Api.as(Role.OPERATOR).get("/api/incidents/" + literal).then().extract().path("number");

        Api.as(Role.OPERATOR).queryParam("q", "経緯: " + marker).get("/api/incidents").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(inDescription));
        Api.as(Role.OPERATOR).queryParam("q", marker + " 100%_").get("/api/incidents").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(literal));
        Api.as(Role.OPERATOR).queryParam("q", number).get("/api/incidents").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(literal));
        Api.as(Role.OPERATOR).queryParam("q", marker).queryParam("size", 2).queryParam("page", 1).get("/api/incidents")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("total", equalTo(3));
        Api.as(Role.OPERATOR).queryParam("q", marker).queryParam("size", 2).queryParam("page", 5).get("/api/incidents")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(3));
    }

    @Test
    void shouldMergeAnIncidentIntoAnother() {
        String target = Fixtures.report("medium", "T1-02", "lgwan");
        String source = Fixtures.report("high", "T1-02", "lgwan");
        String targetNumber = Api.as(Role.OPERATOR).get("/api/incidents/" + target).then().extract().path("number");
        Api.as(Role.OPERATOR).body(Map.of("into", targetNumber)).post("/api/incidents/" + source + "/merge").then()
                .statusCode(200).body("id", equalTo(target)).body("severity", equalTo("high")).body("detectionCount", equalTo(2));
        Api.as(Role.OPERATOR).get("/api/incidents/" + source).then().body("state", equalTo("DISMISSED"))
                .body("mergedInto", equalTo(target));
    }

    @Test
    void shouldServeTheOpenApiDocument() {
        RestAssured.given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/incidents/{id}/transitions")).body(containsString("/api/metrics/response-times"));
    }
}
