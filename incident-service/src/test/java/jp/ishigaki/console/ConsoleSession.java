package jp.ishigaki.console;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.specification.RequestSpecification;
import jp.ishigaki.user.TestUsers;

import static io.restassured.RestAssured.given;

/** A console user signed in over plain HTTP (form login), with the CSRF token of the page they last opened. */
record ConsoleSession(CookieFilter cookies) {

    static ConsoleSession signIn(TestUsers.Credentials user) {
        CookieFilter cookies = new CookieFilter();
        given().filter(cookies).get("/console/login").then().statusCode(200);
        given().filter(cookies).redirects().follow(false)
                .formParam("j_username", user.username()).formParam("j_password", user.password())
                .post("/j_security_check").then().statusCode(302);
        return new ConsoleSession(cookies);
    }

    /** The page's HTML (status 200 expected). */
    String get(String path) {
        return given().filter(cookies).get(path).then().statusCode(200).extract().asString();
    }

    /** A form post as a browser sends it: UTF-8, the session's cookies, redirects not followed. */
    RequestSpecification form() {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .defaultContentCharset("UTF-8"))).filter(cookies).redirects().follow(false);
    }

    /** The CSRF token of the form fields of a console page. */
    String token(String path) {
        return get(path).replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
    }
}
