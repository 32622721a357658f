package jp.ishigaki.user;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jp.ishigaki.platform.testing.MariaDbTestResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@TestProfile(GeneratedAdminPasswordTest.NoAdminPassword.class)
class GeneratedAdminPasswordTest {

    /** No ISHIGAKI_ADMIN_PASSWORD; the log goes to a file of this JVM so the test can read the banner. */
    public static class NoAdminPassword implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ishigaki.admin.password", "",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", logFile().toString());
        }
    }

    static Path logFile() {
        return Path.of("target", "generated-admin-" + ProcessHandle.current().pid() + ".log").toAbsolutePath();
    }

    @Test
    void shouldGenerateAnAdminPasswordPrintItOnceAndAcceptIt() throws Exception {
        String log = Files.readString(logFile(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("password: (\\S+)").matcher(log);
        assertThat(m.find()).as("banner with the generated password in the log").isTrue();
        String password = m.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(m.find()).as("the password is printed only once").isFalse();

        given().auth().preemptive().basic("admin", password).when().get("/api/me")
                .then().statusCode(200).body("roles", hasItem("admin"));
        given().auth().preemptive().basic("admin", password + "x").when().get("/api/me").then().statusCode(401);

        try (Connection c = MariaDbTestResource.connection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT password_hash FROM app_user WHERE username = 'admin'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("$2").doesNotContain(password);
        }
    }
}
