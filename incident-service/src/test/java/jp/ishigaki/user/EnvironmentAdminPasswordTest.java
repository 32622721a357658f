package jp.ishigaki.user;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@TestProfile(EnvironmentAdminPasswordTest.AdminPasswordFromEnvironment.class)
class EnvironmentAdminPasswordTest {

    static final String PASSWORD = "env-supplied-admin-password-for-this-test";

    /**
     * Sets {@code ishigaki.admin.password}, the key {@code ISHIGAKI_ADMIN_PASSWORD} maps to
     * ({@code ${ISHIGAKI_ADMIN_PASSWORD:}} in application.properties); a test JVM cannot change its own environment.
     */
    public static class AdminPasswordFromEnvironment implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ishigaki.admin.password", PASSWORD);
        }
    }

    @Test
    void shouldCreateAdminWithThePasswordFromTheEnvironment() {
        given().auth().preemptive().basic("admin", PASSWORD).when().get("/api/me")
                .then().statusCode(200).body("roles", hasItem("admin"));
        given().auth().preemptive().basic("admin", "wrong-" + PASSWORD).when().get("/api/me").then().statusCode(401);
    }
}
