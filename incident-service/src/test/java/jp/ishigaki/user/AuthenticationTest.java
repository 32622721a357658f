package jp.ishigaki.user;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.platform.testing.MariaDbTestResource;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AuthenticationTest {

    @Test
    void shouldRefuseApiWithoutCredentialsButLeaveHealthOpen() {
        given().when().get("/api/me").then().statusCode(401);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void shouldRefuseWrongPasswordAndAcceptTheRightOne() {
        TestUsers.Credentials op = TestUsers.create(Role.OPERATOR);
        given().auth().preemptive().basic(op.username(), "not-the-password").when().get("/api/me")
                .then().statusCode(401);
        given().auth().preemptive().basic("nobody-" + op.username(), op.password()).when().get("/api/me")
                .then().statusCode(401);
        given().auth().preemptive().basic(op.username(), op.password()).when().get("/api/me")
                .then().statusCode(200).body("username", equalTo(op.username())).body("roles", hasItem("operator"));
    }

    @Test
    void shouldLockAccountAfterRepeatedFailuresUntilAnAdminUnlocksIt() {
        TestUsers.Credentials op = TestUsers.create(Role.OPERATOR);
        TestUsers.Credentials admin = TestUsers.create(Role.ADMIN);
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(op.username(), "wrong-" + i).when().get("/api/me").then().statusCode(401);
        }
        given().auth().preemptive().basic(op.username(), op.password()).when().get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic(admin.username(), admin.password()).when()
                .get("/api/users/" + op.username()).then().statusCode(200).body("locked", equalTo(true));

        given().auth().preemptive().basic(admin.username(), admin.password()).contentType("application/json")
                .when().post("/api/users/" + op.username() + "/unlock").then().statusCode(200).body("locked", equalTo(false));
        given().auth().preemptive().basic(op.username(), op.password()).when().get("/api/me").then().statusCode(200);
    }

    @Test
    void shouldLetAdminManageUsersWithoutEverReturningAHash() throws Exception {
        TestUsers.Credentials admin = TestUsers.create(Role.ADMIN);
        String password = "correct-horse-battery-staple";
        given().auth().preemptive().basic(admin.username(), admin.password()).contentType("application/json")
                .body(Map.of("username", "sato.hanako", "password", password, "roles", new String[]{"manager"},
                        "displayName", "佐藤 花子"))
                .when().post("/api/users")
                .then().statusCode(201).header("Location", containsString("/api/users/sato.hanako"))
                .body("displayName", equalTo("佐藤 花子")).body("password", nullValue())
                .body("passwordHash", nullValue());
        given().auth().preemptive().basic("sato.hanako", password).when().get("/api/me").then().statusCode(200)
                .body("roles", hasItem("manager"));

        String list = given().auth().preemptive().basic(admin.username(), admin.password()).when().get("/api/users")
                .then().statusCode(200).body("username", hasItem("sato.hanako")).extract().asString();
        assertThat(list).doesNotContain("$2a$").doesNotContain(password);

        given().auth().preemptive().basic(admin.username(), admin.password()).contentType("application/json")
                .body(Map.of("roles", new String[]{"manager", "supervisor"}, "enabled", false))
                .when().put("/api/users/sato.hanako").then().statusCode(200).body("enabled", equalTo(false));
        given().auth().preemptive().basic("sato.hanako", password).when().get("/api/me").then().statusCode(401);

        try (Connection c = MariaDbTestResource.connection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT password_hash, roles FROM app_user WHERE username = 'sato.hanako'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("$2").doesNotContain(password);
            assertThat(rs.getString(2)).isEqualTo("manager,supervisor");
        }

        given().auth().preemptive().basic(admin.username(), admin.password()).when().delete("/api/users/sato.hanako")
                .then().statusCode(204);
        given().auth().preemptive().basic(admin.username(), admin.password()).when().get("/api/users/sato.hanako")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRejectBadUserInputAsProblemJson() {
        TestUsers.Credentials admin = TestUsers.create(Role.ADMIN);
        given().auth().preemptive().basic(admin.username(), admin.password()).contentType("application/json")
                .body(Map.of("username", "X", "password", "short", "roles", new String[]{"emperor"}))
                .when().post("/api/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("username")).body("errors.field", hasItem("password"))
                .body("errors.problem", hasItem(containsString("emperor")))
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldForbidUserManagementToNonAdmins() {
        TestUsers.Credentials op = TestUsers.create(Role.OPERATOR);
        given().auth().preemptive().basic(op.username(), op.password()).when().get("/api/users").then().statusCode(403);
        given().auth().preemptive().basic(op.username(), op.password()).contentType("application/json")
                .body(Map.of("username", "sneaky", "password", "long-enough-password", "roles", new String[]{"admin"}))
                .when().post("/api/users").then().statusCode(403);
    }

    @Test
    void shouldLetAUserChangeTheirOwnPasswordOnlyWithTheCurrentOne() {
        TestUsers.Credentials auditor = TestUsers.create(Role.AUDITOR);
        given().auth().preemptive().basic(auditor.username(), auditor.password()).contentType("application/json")
                .body(Map.of("currentPassword", "wrong-current-pw", "newPassword", "a-brand-new-password"))
                .when().put("/api/me/password").then().statusCode(400).contentType("application/problem+json");
        given().auth().preemptive().basic(auditor.username(), auditor.password()).contentType("application/json")
                .body(Map.of("currentPassword", auditor.password(), "newPassword", "a-brand-new-password"))
                .when().put("/api/me/password").then().statusCode(204);
        given().auth().preemptive().basic(auditor.username(), "a-brand-new-password").when().get("/api/me")
                .then().statusCode(200);
        given().auth().preemptive().basic(auditor.username(), auditor.password()).when().get("/api/me")
                .then().statusCode(401);
    }
}
