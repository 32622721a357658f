package jp.ishigaki.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;

import java.util.EnumMap;
import java.util.Map;

/** REST Assured requests as a real user of a role (HTTP Basic against the users in MariaDB), one user per role. */
public final class Api {

    private static final Map<Role, TestUsers.Credentials> USERS = new EnumMap<>(Role.class);

    private Api() {
    }

    public static synchronized RequestSpecification as(Role role) {
        TestUsers.Credentials user = USERS.computeIfAbsent(role, TestUsers::create);
        return RestAssured.given().auth().preemptive().basic(user.username(), user.password())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String userName(Role role) {
        as(role);
        return USERS.get(role).username();
    }
}
