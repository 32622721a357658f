package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Fixtures;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The dashboard over HTTP: incidents over time per hour or per day, in English, and the pipeline JSON it polls. */
@QuarkusTest
class ConsoleDashboardTest {

    @Test
    void incidentsOverTimeCountOpenedAndClosedPerHourOrPerDay() {
        ConsoleSession auditor = ConsoleSession.signIn(TestUsers.create(Role.AUDITOR));
        String before = auditor.get("/console/dashboard?days=1&lang=en");
        long opened = total(before, "flow-opened");
        long closed = total(before, "flow-closed");

        Fixtures.report("low", "T2-06", "lgwan");
        String dismissed = Fixtures.report("low", "T2-06", "lgwan");
        Api.as(Role.MANAGER).body(Map.of("to", "DISMISSED", "reason", "保守作業の予定どおりの停止"))
                .post("/api/incidents/" + dismissed + "/transitions").then().statusCode(200);

        String hourly = auditor.get("/console/dashboard?days=1&lang=en");
        assertThat(total(hourly, "flow-opened")).isEqualTo(opened + 2);
        assertThat(total(hourly, "flow-closed")).isEqualTo(closed + 1);
        assertThat(hourly).contains("Incidents opened and closed over time", "per hour", "Period: 1 day<",
                "aria-current=\"page\" class=\"current\">1 day</a>", "Pipeline",
                "Dead-letter rate (dead letters / events)", "data-pipeline-url=\"/console/dashboard/pipeline\"");
        assertThat(rows(hourly)).isEqualTo(24);

        String daily = auditor.get("/console/dashboard?days=7&lang=en");
        assertThat(daily).contains("per day", "class=\"current\">7 days</a>");
        assertThat(rows(daily)).isEqualTo(7);
        assertThat(total(daily, "flow-opened")).isGreaterThanOrEqualTo(opened + 2);
    }

    @Test
    void pipelineFiguresAreServedToTheConsoleSessionOnly() {
        ConsoleSession auditor = ConsoleSession.signIn(TestUsers.create(Role.AUDITOR));
        given().filter(auditor.cookies()).get("/console/dashboard/pipeline").then().statusCode(200)
                .contentType("application/json").body(containsString("\"intervalSeconds\""))
                .body(containsString("\"windowSeconds\":60"));
        given().redirects().follow(false).get("/console/dashboard/pipeline").then().statusCode(302)
                .header("Location", containsString("/console/login"));
    }

    private static long total(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(page);
        assertThat(m.find()).as(id).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static int rows(String page) {
        String table = page.substring(page.indexOf("id=\"flow-table\""));
        table = table.substring(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
        return table.split("<tr>", -1).length - 1;
    }
}
