package jp.ishigaki.user;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Contacts;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * Single sign-on switched on against a real (in-test) OpenID Connect provider: bearer tokens on /api with roles from
 * the token, mapped onto Ishigaki's roles; HTTP Basic keeps working next to them.
 */
@QuarkusTest
@TestProfile(OidcBearerTest.SingleSignOn.class)
class OidcBearerTest {

    /** OIDC on, against {@link OidcIssuer}; the identity provider's "soc-team" role means operator. */
    public static class SingleSignOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ishigaki.auth.oidc-role-map", "soc-team=operator,ishigaki-auditors=auditor");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcIssuer.class));
        }
    }

    @Test
    void shouldLetAnOperatorTokenReadAndWrite() {
        Contacts.ensure();
        String token = OidcIssuer.token("sso-operator", List.of("soc-team", "offline_access"), List.of());
        bearer(token).get("/api/incidents").then().statusCode(200);
        bearer(token).contentType(ContentType.JSON)
                .body(Map.of("title", "SSO からの報告", "threat", "T2-05", "severity", "low", "segment", "lgwan"))
                .post("/api/incidents").then().statusCode(201);
    }

    @Test
    void shouldLetAnAuditorTokenReadButNotWrite() {
        String token = OidcIssuer.token("sso-auditor", List.of("ishigaki-auditors"), List.of());
        bearer(token).get("/api/incidents").then().statusCode(200);
        bearer(token).contentType(ContentType.JSON)
                .body(Map.of("title", "監査人は報告できない", "threat", "T2-05", "severity", "low"))
                .post("/api/incidents").then().statusCode(403);
    }

    @Test
    void shouldGrantNothingForRolesOutsideTheMap() {
        String token = OidcIssuer.token("sso-stranger", List.of("operator", "admin"), List.of("operator"));
        bearer(token).get("/api/incidents").then().statusCode(403);
    }

    @Test
    void shouldRefuseATokenSignedByAnotherKeyAndMissingTokens() {
        bearer(OidcIssuer.forgedToken("sso-operator", List.of("soc-team"))).get("/api/incidents").then()
                .statusCode(401);
        RestAssured.given().accept(ContentType.JSON).get("/api/incidents").then().statusCode(401);
    }

    @Test
    void shouldKeepHttpBasicWorking() {
        Api.as(Role.OPERATOR).get("/api/incidents").then().statusCode(200);
        Api.as(Role.AUDITOR).body(Map.of("title", "x", "threat", "T2-05", "severity", "low"))
                .post("/api/incidents").then().statusCode(403);
    }

    private static RequestSpecification bearer(String token) {
        return RestAssured.given().auth().oauth2(token).accept(ContentType.JSON);
    }
}
