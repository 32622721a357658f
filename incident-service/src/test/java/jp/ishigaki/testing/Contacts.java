package jp.ishigaki.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;

import java.util.List;
import java.util.Map;

/**
 * The contacts the incident tests notify, created once per test application through the contacts API: one person per
 * role of the chain in 総務課, the supervisor away on a trip with a deputy standing in.
 */
public final class Contacts {

    public static final String DEPARTMENT = "総務課";
    public static final String SUPERVISOR = "鈴木 統括";
    public static final String DEPUTY = "佐藤 次長";
    private static boolean created;

    private Contacts() {
    }

    public static synchronized void ensure() {
        if (created) {
            return;
        }
        TestUsers.Credentials admin = TestUsers.create(Role.ADMIN);
        as(admin).body(Map.of("id", "dept-soumu", "name", DEPARTMENT)).post("/api/contacts/departments");
        person(admin, "c-op", "当番 太郎", List.of("operator"), List.of());
        person(admin, "c-mgr", "山田 課長", List.of("manager"), List.of());
        person(admin, "c-sup-deputy", DEPUTY, List.of(), List.of());
        person(admin, "c-sup", SUPERVISOR, List.of("supervisor"), List.of("c-sup-deputy"));
        person(admin, "c-ciso", "高橋 CISO", List.of("ciso"), List.of());
        as(admin).body(Map.of("id", "dept-soumu", "name", DEPARTMENT, "managerId", "c-mgr"))
                .put("/api/contacts/departments/dept-soumu").then().statusCode(200);
        as(admin).body(Map.of("available", false, "reason", "出張"))
                .put("/api/contacts/people/c-sup/availability").then().statusCode(200);
        created = true;
    }

    private static void person(TestUsers.Credentials admin, String id, String name, List<String> roles,
                               List<String> deputies) {
        as(admin).body(Map.of("id", id, "name", name, "email", id + "@city.example", "language", "ja",
                "department", "dept-soumu", "roles", roles, "webhooks", List.of(), "deputies", deputies))
                .post("/api/contacts/people").then().statusCode(201);
    }

    private static RequestSpecification as(TestUsers.Credentials user) {
        return RestAssured.given().auth().preemptive().basic(user.username(), user.password())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
