package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jp.ishigaki.console.i18n.ConsoleLanguage;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contacts page over HTTP: marking a department's manager unavailable makes their first deputy the recipient in
 * the preview; the escalation policy is shown read-only; the auditor cannot change availability.
 */
@QuarkusTest
class ConsoleContactsTest {

    /** A department of its own whose appointed manager has two deputies (none holds a role, so no other test sees them). */
    record Team(String department, String manager, String deputy) {

        static Team create(String managerName, String firstDeputy, String secondDeputy) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            TestUsers.Credentials admin = TestUsers.create(Role.ADMIN);
            Team t = new Team("dept-c-" + tag, "c-mgr-" + tag, "c-dep-" + tag);
            as(admin).body(Map.of("id", t.department(), "name", "防災課" + tag)).post("/api/contacts/departments")
                    .then().statusCode(201);
            person(admin, "c-dep2-" + tag, secondDeputy, t.department(), List.of());
            person(admin, t.deputy(), firstDeputy, t.department(), List.of());
            person(admin, t.manager(), managerName, t.department(), List.of(t.deputy(), "c-dep2-" + tag));
            as(admin).body(Map.of("id", t.department(), "name", "防災課" + tag, "managerId", t.manager()))
                    .put("/api/contacts/departments/" + t.department()).then().statusCode(200);
            return t;
        }

        String preview() {
            return "/console/contacts?roles=manager&department=" + department;
        }

        private static void person(TestUsers.Credentials admin, String id, String name, String department,
                                   List<String> deputies) {
            as(admin).body(Map.of("id", id, "name", name, "email", id + "@city.example", "language", "ja",
                    "department", department, "roles", List.of(), "webhooks", List.of(), "deputies", deputies))
                    .post("/api/contacts/people").then().statusCode(201);
        }

        private static io.restassured.specification.RequestSpecification as(TestUsers.Credentials user) {
            return RestAssured.given().auth().preemptive().basic(user.username(), user.password())
                    .contentType(ContentType.JSON).accept(ContentType.JSON);
        }
    }

    @Test
    void markingTheManagerUnavailableHandsThePreviewToTheFirstDeputy() {
        Team team = Team.create("防災 課長", "防災 係長", "防災 主任");
        ConsoleSession operator = ConsoleSession.signIn(TestUsers.create(Role.OPERATOR));
        String before = operator.get(team.preview());
        assertThat(recipients(before)).contains("防災 課長").doesNotContain("防災 係長");

        LocalDateTime until = LocalDateTime.now(ConsoleLanguage.TOKYO).plusDays(30).withHour(17).withMinute(0)
                .truncatedTo(ChronoUnit.MINUTES);
        String token = operator.token(team.preview());
        operator.form().formParam("csrf-token", token)
                .formParam("available", "false").formParam("reason", "<i>休暇</i>")
                .formParam("until", until.toString())
                .post("/console/contacts/" + team.manager() + "/availability").then().statusCode(303);

        String after = operator.get(team.preview());
        assertThat(recipients(after)).contains("防災 係長", "防災 課長", "&lt;i&gt;休暇&lt;/i&gt;")
                .doesNotContain("防災 主任", "<i>休暇");
        assertThat(after).contains(until.toLocalDate() + " 17:00");

        operator.form().formParam("csrf-token", token)
                .formParam("available", "true").post("/console/contacts/" + team.manager() + "/availability")
                .then().statusCode(303);
        assertThat(recipients(operator.get(team.preview()))).contains("防災 課長").doesNotContain("防災 係長");
    }

    @Test
    void supervisorCreatesAPersonWithOrderedDeputiesAndAnOperatorMayNot() {
        Team team = Team.create("編集 課長", "編集 係長", "編集 主任");
        ConsoleSession supervisor = ConsoleSession.signIn(TestUsers.create(Role.SUPERVISOR));
        String id = "c-new-" + UUID.randomUUID().toString().substring(0, 8);
        String token = supervisor.token("/console/contacts/people/new");
        supervisor.form().formParam("csrf-token", token).formParam("originalId", "").formParam("id", id)
                .formParam("name", "新規 職員").formParam("email", "new@city.example").formParam("language", "ja")
                .formParam("department", team.department()).formParam("deputies", id)
                .post("/console/contacts/people/save").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("deputies"));
        supervisor.form().formParam("csrf-token", token).formParam("originalId", "").formParam("id", id)
                .formParam("name", "新規 <u>職員</u>").formParam("email", "new@city.example").formParam("language", "ja")
                .formParam("department", team.department())
                .formParam("deputies", team.manager() + ", " + team.deputy())
                .post("/console/contacts/people/save").then().statusCode(303);
        String page = supervisor.get("/console/contacts");
        String row = page.substring(page.indexOf("data-person=\"" + id + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("新規 &lt;u&gt;職員&lt;/u&gt;").containsSubsequence("編集 課長", "編集 係長");
        assertThat(supervisor.get("/console/contacts/people/" + id + "/edit"))
                .contains(team.manager() + ", " + team.deputy());

        ConsoleSession operator = ConsoleSession.signIn(TestUsers.create(Role.OPERATOR));
        assertThat(operator.get("/console/contacts")).doesNotContain("/console/contacts/people/");
        given().filter(operator.cookies()).get("/console/contacts/people/new").then().statusCode(403);
        operator.form().formParam("csrf-token", operator.token("/console/contacts")).formParam("id", "x")
                .formParam("name", "x").post("/console/contacts/people/save").then().statusCode(403);
    }

    @Test
    void escalationPolicyIsShownPerSeverityAndReadOnly() {
        ConsoleSession manager = ConsoleSession.signIn(TestUsers.create(Role.MANAGER));
        String page = manager.get("/console/contacts");
        String policy = page.substring(page.indexOf("id=\"escalation-policy\""));
        assertThat(policy).contains("緊急", "参照のみ", "15m", "30m", "4h", "しない").doesNotContain("<form");
    }

    @Test
    void auditorSeesContactsWithoutFormsAndCannotChangeAvailability() {
        Team team = Team.create("監査対象 課長", "監査対象 係長", "監査対象 主任");
        ConsoleSession auditor = ConsoleSession.signIn(TestUsers.create(Role.AUDITOR));
        String page = auditor.get(team.preview());
        assertThat(page).contains("監査対象 課長").doesNotContain("/availability\"");
        String token = page.replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        auditor.form().formParam("csrf-token", token)
                .formParam("available", "false").formParam("reason", "x")
                .post("/console/contacts/" + team.manager() + "/availability").then().statusCode(403);
        assertThat(recipients(auditor.get(team.preview()))).contains("監査対象 課長").doesNotContain("監査対象 係長");
    }

    private static String recipients(String page) {
        int start = page.indexOf("id=\"recipients\"");
        return page.substring(start, page.indexOf("</table>", start));
    }
}
