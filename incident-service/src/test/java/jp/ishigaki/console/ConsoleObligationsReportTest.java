package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jp.ishigaki.console.i18n.ConsoleLanguage;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Fixtures;
import jp.ishigaki.testing.TestClock;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's "reporting obligations met on time" (DOMAIN.md §6) with real incidents: due in the period, done on
 * time, done late, waived with reasons, still open and overdue, on the page and in the CSV export.
 */
@QuarkusTest
class ConsoleObligationsReportTest {

    private static final String WAIVE_PPC = "誤送信先で削除を確認、漏えいなし";
    private static final String WAIVE_BCP = "庁舎・サーバ室に被害なし";

    @Inject
    TestClock clock;

    @Test
    void reportCountsObligationsDueInThePeriodByHowAndWhenTheyWereMet() throws Exception {
        // A stretch of time of its own: every deadline other tests created lies at most 60 days ahead of their time.
        clock.advance(Duration.ofDays(120));
        Instant t0 = clock.instant();
        LocalDate day0 = LocalDate.ofInstant(t0, ConsoleLanguage.TOKYO);

        // Four personal-data leaks by mistake (T2: 速報 in 3 days, 確報 in 30), one unauthorised access (police),
        // two disasters (BCP)
        String onTime = leak("T2-05", "lgwan");
        String waived = leak("T2-05", "internet");
        String open = leak("T2-01", "lgwan");
        String late = leak("T2-01", "internet");
        String intrusion = Fixtures.report("medium", "T1-01", "internet");
        String quake = Fixtures.report("high", "T3-01", "facility");
        String fire = Fixtures.report("medium", "T3-03", "facility");
        assertThat(reporting(onTime)).containsExactlyInAnyOrder("report-ppc-preliminary", "report-ppc-final");
        assertThat(reporting(intrusion)).contains("report-police").doesNotContain("report-ppc-preliminary");
        assertThat(reporting(quake)).containsExactly("bcp-activation");

        act(onTime, "report-ppc-preliminary", "complete", Map.of("note", "PPC 報告フォームで送信"));
        act(waived, "report-ppc-preliminary", "waive", Map.of("reason", WAIVE_PPC));
        act(intrusion, "report-police", "complete", Map.of("note", "香川県警に相談"));
        act(quake, "bcp-activation", "waive", Map.of("reason", WAIVE_BCP));
        act(fire, "bcp-activation", "complete", Map.of("note", "発動せず継続を判断"));
        clock.advance(Duration.ofDays(4));
        act(late, "report-ppc-preliminary", "complete", Map.of("note", "4日後に送信"));

        ConsoleSession auditor = ConsoleSession.signIn(TestUsers.create(Role.AUDITOR));
        String query = "?from=" + day0 + "&to=" + day0.plusDays(5);
        String page = auditor.get("/console/report" + query);
        // due in period, done on time, done late, waived, still open, overdue
        assertThat(row(page, "report-ppc-preliminary")).containsExactly("4", "1", "1", "1", "1", "1");
        assertThat(row(page, "report-ppc-final")).containsExactly("0", "0", "0", "0", "0", "0");
        assertThat(row(page, "report-police")).containsExactly("1", "1", "0", "0", "0", "0");
        assertThat(row(page, "bcp-activation")).containsExactly("2", "1", "0", "1", "0", "0");
        assertThat(page).contains("報告義務の期限遵守", "個人情報保護委員会 速報", "期限なし 2", WAIVE_PPC, WAIVE_BCP);

        // 確報 falls due 30 days after the assessment: all four still open, none overdue yet
        String later = auditor.get("/console/report?from=" + day0.plusDays(29) + "&to=" + day0.plusDays(31));
        assertThat(row(later, "report-ppc-final")).containsExactly("4", "0", "0", "0", "4", "0");
        assertThat(row(later, "report-ppc-preliminary")).containsExactly("0", "0", "0", "0", "0", "0");

        Response csv = io.restassured.RestAssured.given().filter(auditor.cookies())
                .get("/console/report/csv" + query + "&lang=en");
        csv.then().statusCode(200);
        String body = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(body).contains("obligation,code,due_in_period,without_deadline,done_on_time,done_late,waived,"
                        + "waived_with_reason,still_open,overdue\r\n",
                "\"PPC preliminary report (速報)\",\"report-ppc-preliminary\",4,0,1,1,1,1,1,1\r\n",
                "\"BCP activation decision\",\"bcp-activation\",2,2,1,0,1,1,0,0\r\n",
                "\"PPC preliminary report (速報)\",\"" + WAIVE_PPC + "\",1\r\n");
    }

    private static String leak(String threat, String segment) {
        String id = Fixtures.report("medium", threat, segment);
        Api.as(Role.OPERATOR).body(Map.of("personalData", Map.of("leakSuspected", true, "sensitiveData", false,
                        "financialHarm", false, "unlawfulPurpose", false, "personsAffected", 250,
                        "specificPersonalInfo", false)))
                .post("/api/incidents/" + id + "/assessment").then().statusCode(200);
        return id;
    }

    private static List<String> reporting(String id) {
        return Api.as(Role.AUDITOR).get("/api/incidents/" + id).then().statusCode(200).extract().jsonPath()
                .getList("tasks.findAll { it.kind == 'REPORTING' }.code");
    }

    private static void act(String id, String code, String action, Map<String, String> body) {
        Api.as(Role.SUPERVISOR).body(body).post("/api/incidents/" + id + "/tasks/" + code + "/" + action).then()
                .statusCode(200);
    }

    /** The six figures of one obligation row of the page (the leading number of each cell). */
    private static List<String> row(String page, String code) {
        int start = page.indexOf("data-obligation=\"" + code + "\"");
        assertThat(start).as(code + " row").isPositive();
        String tr = page.substring(start, page.indexOf("</tr>", start));
        return java.util.regex.Pattern.compile("<td[^>]*>(\\d+)").matcher(tr).results().map(m -> m.group(1)).toList();
    }
}
