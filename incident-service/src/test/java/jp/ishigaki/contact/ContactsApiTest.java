package jp.ishigaki.contact;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jp.ishigaki.contact.application.RecipientResolver;
import jp.ishigaki.contact.application.ResolvedRecipient;
import jp.ishigaki.schemas.notification.Channel;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ContactsApiTest {

    @Inject
    RecipientResolver resolver;

    final String run = UUID.randomUUID().toString().substring(0, 6);

    private static RequestSpecification as(TestUsers.Credentials c) {
        return given().auth().preemptive().basic(c.username(), c.password()).contentType("application/json");
    }

    private void createPerson(TestUsers.Credentials admin, Map<String, Object> body) {
        as(admin).body(body).when().post("/api/contacts/people").then().statusCode(201);
    }

    @Test
    void shouldRouteNoticesToTheDeputyWhileThePersonIsUnavailable() {
        TestUsers.Credentials admin = TestUsers.create(Role.ADMIN);
        TestUsers.Credentials operator = TestUsers.create(Role.OPERATOR);
        String dept = "dept-" + run;
        as(admin).body(Map.of("id", dept, "name", "市民課" + run)).when().post("/api/contacts/departments")
                .then().statusCode(201);
        createPerson(admin, Map.of("id", "deputy-" + run, "name", "代理 二郎", "email", "deputy-" + run + "@example.jp",
                "language", "ja", "department", dept, "roles", List.of()));
        createPerson(admin, Map.of("id", "mgr-" + run, "name", "課長 花子", "email", "mgr-" + run + "@example.jp",
                "language", "en", "department", dept, "roles", List.of("manager"),
                "webhooks", List.of("teams-shimin"), "deputies", List.of("deputy-" + run)));
        as(admin).body(Map.of("id", dept, "name", "市民課" + run, "managerId", "mgr-" + run))
                .when().put("/api/contacts/departments/" + dept).then().statusCode(200);

        List<ResolvedRecipient> before = resolver.resolve(Set.of("manager"), "市民課" + run);
        assertThat(before).extracting(r -> r.recipient().channel() + ":" + r.recipient().address())
                .containsExactly("EMAIL:mgr-" + run + "@example.jp", "WEBHOOK:teams-shimin");
        assertThat(before).allMatch(r -> r.redirectedFrom() == null && "en".equals(r.recipient().language()));

        as(operator).body(Map.of("available", false, "reason", "病気休暇")).when()
                .put("/api/contacts/people/mgr-" + run + "/availability")
                .then().statusCode(200).body("availableNow", equalTo(false));

        List<ResolvedRecipient> after = resolver.resolve(Set.of("manager"), dept);
        assertThat(after).hasSize(1);
        ResolvedRecipient deputy = after.get(0);
        assertThat(deputy.recipient().personId()).isEqualTo("deputy-" + run);
        assertThat(deputy.recipient().channel()).isEqualTo(Channel.EMAIL);
        assertThat(deputy.recipient().role()).isEqualTo("manager");
        assertThat(deputy.recipient().deputyFor()).isEqualTo("課長 花子");
        assertThat(deputy.redirectedFrom()).isEqualTo("課長 花子");
        assertThat(deputy.reason()).isEqualTo("病気休暇");

        as(operator).when().get("/api/contacts/recipients?roles=manager&department=" + dept)
                .then().statusCode(200).body("redirectedFrom", hasItem("課長 花子"));

        as(operator).body(Map.of("available", true)).when().put("/api/contacts/people/mgr-" + run + "/availability")
                .then().statusCode(200);
        assertThat(resolver.resolve(Set.of("manager"), dept)).extracting(r -> r.recipient().personId())
                .containsOnly("mgr-" + run);
    }

    @Test
    void shouldRejectBadContactsAsProblemJson() {
        TestUsers.Credentials admin = TestUsers.create(Role.ADMIN);
        as(admin).body(Map.of("name", "", "email", "not-an-address", "language", "fr", "roles", List.of("mayor"),
                        "deputies", List.of("nobody-" + run)))
                .when().post("/api/contacts/people")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("language")).body("errors.field", hasItem("roles"))
                .body("errors.field", hasItem("deputies"));
        as(admin).when().get("/api/contacts/people/nobody-" + run)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldLetEveryoneReadContactsButOnlyCoordinatorsEditThem() {
        TestUsers.Credentials auditor = TestUsers.create(Role.AUDITOR);
        TestUsers.Credentials operator = TestUsers.create(Role.OPERATOR);
        as(auditor).when().get("/api/contacts/people").then().statusCode(200);
        as(auditor).when().get("/api/contacts/departments").then().statusCode(200);
        as(operator).body(Map.of("name", "勝手 な人", "email", "x@example.jp")).when().post("/api/contacts/people")
                .then().statusCode(403);
        as(auditor).body(Map.of("available", false)).when().put("/api/contacts/people/anyone/availability")
                .then().statusCode(403);
    }
}
