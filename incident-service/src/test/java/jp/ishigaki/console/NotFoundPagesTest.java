package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** A path that leads nowhere: problem+json on the API, the console's own page in the console; the rest still served. */
@QuarkusTest
class NotFoundPagesTest {

    @Test
    void anApiPathThatLeadsNowhereIsAProblem() {
        TestUsers.Credentials auditor = TestUsers.create(Role.AUDITOR);
        for (String path : new String[] {"/api/nope", "/api/incidents/x/nope/deeper"}) {
            given().auth().preemptive().basic(auditor.username(), auditor.password()).when().get(path)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("NOT_FOUND"), "status", equalTo(404), "detail", equalTo("nothing at " + path));
        }
        given().when().get("/api/nope").then().statusCode(401);
    }

    @Test
    void aConsolePathThatLeadsNowhereIsTheConsolesOwnPage() {
        ConsoleSession operator = ConsoleSession.signIn(TestUsers.create(Role.OPERATOR));
        given().filter(operator.cookies()).when().get("/console/nope/<script>")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("このアドレスのページはありません。"), containsString("/console/incidents"),
                        not(containsString("<script>")), not(containsString("Resource not found")))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        given().when().get("/console/static/nope.css").then().statusCode(404)
                .body(containsString("このアドレスのページはありません。"));
        given().filter(operator.cookies()).when().get("/console/nope?lang=en")
                .then().statusCode(404).body(containsString("There is no page at this address."));
        given().filter(operator.cookies()).when().get("/console/incidents/INC-2026-999999?lang=ja")
                .then().statusCode(404).body(containsString("インシデントが見つかりません。"));
        given().redirects().follow(false).when().get("/console/nope")
                .then().statusCode(302).header("Location", containsString("/console/login"));
    }

    @Test
    void staticFilesWebjarsHealthAndMetricsAreStillServed() {
        given().when().get("/console/static/console.css").then().statusCode(200).contentType(containsString("text/css"));
        given().when().get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").then().statusCode(200);
        given().when().get("/q/health").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
