package jp.ishigaki.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks role × action over every /api operation the application publishes in its OpenAPI document (so endpoints
 * added later are covered without editing this test), then checks the explicit rules of users, contacts and assets.
 * Path parameters get a value that matches nothing, so authorised writes end in 4xx without changing anything.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final Map<Role, TestUsers.Credentials> USERS = new EnumMap<>(Role.class);

    record Operation(String method, String path) {
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", "matrix-none");
        }

        boolean userAdministration() {
            return path.equals("/api/users") || path.startsWith("/api/users/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static synchronized TestUsers.Credentials user(Role role) {
        return USERS.computeIfAbsent(role, TestUsers::create);
    }

    private static Response call(TestUsers.Credentials who, Operation op) {
        RequestSpecification spec = given().redirects().follow(false);
        if (who != null) {
            spec = spec.auth().preemptive().basic(who.username(), who.password());
        }
        if (!READS.contains(op.method())) {
            spec = op.path().endsWith("/import") ? spec.contentType("text/csv").body("")
                    : spec.contentType("application/json").body("{}");
        }
        return spec.when().request(op.method(), op.concretePath());
    }

    static List<Operation> apiOperations() throws Exception {
        String json = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        JsonNode paths = new ObjectMapper().readTree(json).path("paths");
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api")) {
                continue;
            }
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(Locale.ROOT);
                if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    ops.add(new Operation(method, path.getKey()));
                }
            }
        }
        return ops;
    }

    @Test
    void shouldFindTheEndpointsOfEveryFeatureInTheOpenApiDocument() throws Exception {
        List<String> paths = apiOperations().stream().map(Operation::path).toList();
        assertThat(paths).contains("/api/users", "/api/me", "/api/contacts/people", "/api/assets", "/api/incidents",
                "/api/assets/import");
    }

    @TestFactory
    Stream<DynamicTest> everyApiOperationRefusesAnonymousCallers() throws Exception {
        return apiOperations().stream().map(op -> DynamicTest.dynamicTest("anonymous " + op,
                () -> assertThat(call(null, op).statusCode()).as(op.toString()).isEqualTo(401)));
    }

    @TestFactory
    Stream<DynamicTest> auditorReadsEverythingAndWritesNothing() throws Exception {
        return apiOperations().stream().filter(op -> !op.userAdministration()).map(op ->
                DynamicTest.dynamicTest("auditor " + op, () -> {
                    int status = call(user(Role.AUDITOR), op).statusCode();
                    if (READS.contains(op.method())) {
                        assertThat(status).as(op + " is readable by the auditor").isNotIn(401, 403);
                    } else if (!op.path().equals("/api/me/password")) {
                        assertThat(status).as(op + " is refused to the auditor").isEqualTo(403);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> onlyAdministratorsManageUsers() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : apiOperations().stream().filter(Operation::userAdministration).toList()) {
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(role.code() + " " + op, () -> {
                    int status = call(user(role), op).statusCode();
                    if (role == Role.ADMIN) {
                        assertThat(status).as(op + " by admin").isNotIn(401, 403);
                    } else {
                        assertThat(status).as(op + " by " + role.code()).isEqualTo(403);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyRoleOfTheChainReadsEverythingButUserAdministration() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : apiOperations().stream()
                .filter(op -> READS.contains(op.method()) && !op.userAdministration()).toList()) {
            for (Role role : List.of(Role.OPERATOR, Role.MANAGER, Role.SUPERVISOR, Role.CISO)) {
                tests.add(DynamicTest.dynamicTest(role.code() + " " + op, () ->
                        assertThat(call(user(role), op).statusCode()).as(op + " by " + role.code())
                                .isNotIn(401, 403)));
            }
        }
        return tests.stream();
    }

    @Test
    void shouldApplyTheWriteRulesOfContactsAndAssets() {
        Map<String, Set<Role>> writers = Map.of(
                "POST /api/contacts/people", Set.of(Role.SUPERVISOR, Role.CISO, Role.ADMIN),
                "PUT /api/contacts/people/{id}", Set.of(Role.SUPERVISOR, Role.CISO, Role.ADMIN),
                "PUT /api/contacts/people/{id}/availability",
                Set.of(Role.OPERATOR, Role.MANAGER, Role.SUPERVISOR, Role.CISO, Role.ADMIN),
                "DELETE /api/contacts/departments/{id}", Set.of(Role.SUPERVISOR, Role.CISO, Role.ADMIN),
                "POST /api/assets", Set.of(Role.MANAGER, Role.SUPERVISOR, Role.CISO, Role.ADMIN),
                "DELETE /api/assets/{id}", Set.of(Role.MANAGER, Role.SUPERVISOR, Role.CISO, Role.ADMIN),
                "POST /api/assets/import", Set.of(Role.MANAGER, Role.SUPERVISOR, Role.CISO, Role.ADMIN));
        writers.forEach((action, allowed) -> {
            String[] parts = action.split(" ");
            Operation op = new Operation(parts[0], parts[1]);
            for (Role role : Role.values()) {
                int status = call(user(role), op).statusCode();
                if (allowed.contains(role)) {
                    assertThat(status).as(action + " by " + role.code()).isNotIn(401, 403);
                } else {
                    assertThat(status).as(action + " by " + role.code()).isEqualTo(403);
                }
            }
        });
    }
}
