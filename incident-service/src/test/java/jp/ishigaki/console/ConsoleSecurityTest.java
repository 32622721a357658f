package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The console's sign-in, session, CSRF and Content-Security-Policy, over plain HTTP. */
@QuarkusTest
class ConsoleSecurityTest {

    @Test
    void anonymousVisitorIsSentToTheJapaneseLoginPage() {
        given().redirects().follow(false).when().get("/console/incidents")
                .then().statusCode(302).header("Location", containsString("/console/login"));
        given().when().get("/console/login")
                .then().statusCode(200)
                .body(containsString("ログイン"), containsString("j_security_check"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }

    @Test
    void loginPageSwitchesToEnglishAndRemembersIt() {
        Response en = given().when().get("/console/login?lang=en");
        en.then().statusCode(200).body(containsString("Sign in"));
        given().cookie("ishigaki-lang", en.getCookie("ishigaki-lang")).when().get("/console/login")
                .then().body(containsString("Sign in"));
    }

    @Test
    void operatorSignsInSeesTheQueueAndSignsOutOnlyWithTheCsrfToken() {
        TestUsers.Credentials op = TestUsers.create(Role.OPERATOR);
        CookieFilter cookies = new CookieFilter();
        given().filter(cookies).get("/console/login").then().statusCode(200);
        given().filter(cookies).redirects().follow(false)
                .formParam("j_username", op.username()).formParam("j_password", op.password())
                .post("/j_security_check")
                .then().statusCode(302).header("Location", containsString("/console/incidents"));
        String page = given().filter(cookies).get("/console/incidents")
                .then().statusCode(200).body(containsString("インシデント一覧"), containsString(op.username()))
                .extract().asString();
        String token = page.replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        assertThat(token).isNotBlank().doesNotContain("<");

        given().filter(cookies).redirects().follow(false).formParam("csrf-token", "forged")
                .post("/console/logout").then().statusCode(400);
        given().filter(cookies).redirects().follow(false).formParam("csrf-token", token)
                .post("/console/logout").then().statusCode(303)
                .header("Location", containsString("/console/login?logout=true"));
    }

    @Test
    void auditorCannotPostAnIncidentActionEvenWithAValidCsrfToken() {
        TestUsers.Credentials auditor = TestUsers.create(Role.AUDITOR);
        CookieFilter cookies = new CookieFilter();
        given().filter(cookies).get("/console/login").then().statusCode(200);
        given().filter(cookies).redirects().follow(false)
                .formParam("j_username", auditor.username()).formParam("j_password", auditor.password())
                .post("/j_security_check").then().statusCode(302);
        String page = given().filter(cookies).get("/console/incidents").then().statusCode(200).extract().asString();
        String token = page.replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        given().filter(cookies).redirects().follow(false).formParam("csrf-token", token)
                .post("/console/act/incidents/any-id/acknowledge").then().statusCode(403);
    }

    @Test
    void wrongPasswordShowsTheErrorPage() {
        TestUsers.Credentials op = TestUsers.create(Role.OPERATOR);
        given().redirects().follow(false)
                .formParam("j_username", op.username()).formParam("j_password", "wrong-" + op.password())
                .post("/j_security_check")
                .then().statusCode(302).header("Location", containsString("/console/login?error"));
    }

    @Test
    void apiKeepsHttpBasicAndDoesNotRedirectToTheLoginPage() {
        RestAssured.given().redirects().follow(false).when().get("/api/users")
                .then().statusCode(401);
    }
}
