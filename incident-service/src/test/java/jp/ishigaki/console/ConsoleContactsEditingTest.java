package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.testing.Api;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The contacts page's department and escalation-policy forms over HTTP: a supervisor creates, renames and deletes a
 * department (with the CSRF token); a department with people is kept; operators and auditors are refused; a bad
 * rule is refused with the reason.
 */
@QuarkusTest
class ConsoleContactsEditingTest {

    @Test
    void supervisorCreatesRenamesAndDeletesADepartment() {
        String id = "dept-e-" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleSession supervisor = ConsoleSession.signIn(TestUsers.create(Role.SUPERVISOR));
        String token = supervisor.token("/console/contacts");

        supervisor.form().formParam("csrf-token", token).formParam("id", id).formParam("name", "危機管理課")
                .formParam("nameEn", "Crisis Management").post("/console/contacts/departments/create")
                .then().statusCode(303).header("Location", containsString("deptSaved=" + id));
        Api.as(Role.AUDITOR).get("/api/contacts/departments/" + id).then().statusCode(200)
                .body("name", equalTo("危機管理課")).body("nameEn", equalTo("Crisis Management"));
        assertThat(supervisor.get("/console/contacts?deptSaved=" + id)).contains("課 " + id + " を保存しました");

        supervisor.form().formParam("csrf-token", token).formParam("name", "危機管理防災課").formParam("nameEn", "")
                .post("/console/contacts/departments/" + id + "/update").then().statusCode(303);
        Api.as(Role.AUDITOR).get("/api/contacts/departments/" + id).then().statusCode(200)
                .body("name", equalTo("危機管理防災課"));

        supervisor.form().formParam("csrf-token", token).post("/console/contacts/departments/" + id + "/delete")
                .then().statusCode(303);
        Api.as(Role.AUDITOR).get("/api/contacts/departments/" + id).then().statusCode(404);
    }

    @Test
    void aDepartmentWithPeopleIsKeptAndTheReasonShown() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String id = "dept-k-" + tag;
        Api.as(Role.ADMIN).body(Map.of("id", id, "name", "税務課" + tag)).post("/api/contacts/departments")
                .then().statusCode(201);
        Api.as(Role.ADMIN).body(Map.of("id", "p-k-" + tag, "name", "税務 太郎", "email", "p-k-" + tag + "@city.example",
                        "language", "ja", "department", id, "roles", List.of(), "webhooks", List.of(),
                        "deputies", List.of()))
                .post("/api/contacts/people").then().statusCode(201);
        ConsoleSession admin = ConsoleSession.signIn(TestUsers.create(Role.ADMIN));
        String location = admin.form().formParam("csrf-token", admin.token("/console/contacts"))
                .post("/console/contacts/departments/" + id + "/delete").then().statusCode(303)
                .extract().header("Location");
        assertThat(location).contains("error=");
        Api.as(Role.AUDITOR).get("/api/contacts/departments/" + id).then().statusCode(200);
        assertThat(follow(admin, location))
                .contains("still has 1 people");
    }

    @Test
    void operatorsAndAuditorsMayNotEditAndEveryFormNeedsTheToken() {
        String id = "dept-x-" + UUID.randomUUID().toString().substring(0, 8);
        for (Role role : List.of(Role.OPERATOR, Role.AUDITOR, Role.MANAGER)) {
            ConsoleSession user = ConsoleSession.signIn(TestUsers.create(role));
            String page = user.get("/console/contacts");
            assertThat(page).as(role + " sees no edit form").doesNotContain("/console/contacts/escalation/")
                    .doesNotContain("/console/contacts/departments/");
            String token = user.token("/console/contacts");
            user.form().formParam("csrf-token", token).formParam("id", id).formParam("name", "x")
                    .post("/console/contacts/departments/create").then().statusCode(403);
            user.form().formParam("csrf-token", token).formParam("notify", "operator").formParam("minutes", "5")
                    .post("/console/contacts/escalation/medium").then().statusCode(403);
        }
        ConsoleSession admin = ConsoleSession.signIn(TestUsers.create(Role.ADMIN));
        admin.get("/console/contacts");
        admin.form().formParam("csrf-token", "forged").formParam("id", id).formParam("name", "x")
                .post("/console/contacts/departments/create").then().statusCode(400);
        Api.as(Role.AUDITOR).get("/api/contacts/departments/" + id).then().statusCode(404);
    }

    @Test
    void aRuleWithoutRecipientsOrWithTooShortATimeIsRefusedWithTheReason() {
        String mediumBefore = Api.as(Role.AUDITOR).get("/api/escalation-policy").then().extract()
                .path("find { it.severity == 'medium' }.escalateAfter");
        ConsoleSession ciso = ConsoleSession.signIn(TestUsers.create(Role.CISO));
        String token = ciso.token("/console/contacts");
        String noRecipients = ciso.form().formParam("csrf-token", token).formParam("minutes", "60")
                .post("/console/contacts/escalation/medium").then().statusCode(303).extract().header("Location");
        assertThat(noRecipients).contains("error=").contains("#escalation-policy");
        assertThat(follow(ciso, noRecipients))
                .contains("notifyAtOnce must name at least one of");
        ciso.form().formParam("csrf-token", token).formParam("notify", "operator").formParam("minutes", "abc")
                .post("/console/contacts/escalation/medium").then().statusCode(303)
                .header("Location", containsString("error="));
        Api.as(Role.AUDITOR).get("/api/escalation-policy").then()
                .body("find { it.severity == 'medium' }.escalateAfter", equalTo(mediumBefore));
    }

    @Test
    void theFormsSpeakEnglishToo() {
        ConsoleSession admin = ConsoleSession.signIn(TestUsers.create(Role.ADMIN));
        String page = admin.get("/console/contacts?lang=en&saved=critical");
        assertThat(page).contains("Add a department", "Name (English)", "minutes", "Saved the policy for critical.",
                "Change the recipients and the time before escalation per severity");
    }

    /** The page a redirect leads to (its query already encoded, its fragment left out). */
    private static String follow(ConsoleSession session, String location) {
        String rest = location.substring(location.indexOf("/console/"));
        String path = rest.contains("#") ? rest.substring(0, rest.indexOf('#')) : rest;
        return given().filter(session.cookies()).urlEncodingEnabled(false).get(path).then().statusCode(200)
                .extract().asString();
    }
}
