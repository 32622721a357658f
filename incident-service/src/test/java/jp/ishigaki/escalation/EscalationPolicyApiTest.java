package jp.ishigaki.escalation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Fixtures;
import jp.ishigaki.testing.TestClock;
import jp.ishigaki.user.domain.Role;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The escalation policy is data in MariaDB: read by every role, changed by supervisors, applied to new incidents. */
@QuarkusTest
class EscalationPolicyApiTest {

    private static final String MEDIUM_DEFAULT = "{\"notifyAtOnce\":[\"operator\"],\"escalateAfter\":\"PT4H\"}";

    @Inject
    TestClock clock;

    @Inject
    EscalationScheduler scheduler;

    @Test
    void everyRoleReadsThePolicySeededFromConfiguration() {
        Api.as(Role.AUDITOR).get("/api/escalation-policy").then().statusCode(200)
                .body("", hasSize(4))
                .body("find { it.severity == 'critical' }.escalateAfter", equalTo("PT15M"))
                .body("find { it.severity == 'critical' }.repeatAtTop", equalTo(true))
                .body("find { it.severity == 'high' }.escalateAfter", equalTo("PT30M"))
                .body("find { it.severity == 'low' }.workingHoursOnly", equalTo(true));
    }

    @Test
    void onlySupervisorsTheCisoAndAdminsChangeIt() {
        Api.as(Role.OPERATOR).body(MEDIUM_DEFAULT).put("/api/escalation-policy/medium").then().statusCode(403);
        Api.as(Role.AUDITOR).body(MEDIUM_DEFAULT).put("/api/escalation-policy/medium").then().statusCode(403);
        Api.as(Role.MANAGER).body(MEDIUM_DEFAULT).put("/api/escalation-policy/medium").then().statusCode(403);
        Api.as(Role.CISO).body(MEDIUM_DEFAULT).put("/api/escalation-policy/medium").then().statusCode(200);
    }

    @Test
    void aBadRuleIsRefusedWithAProblemThatSaysWhy() {
        Api.as(Role.SUPERVISOR).body("{\"notifyAtOnce\":[\"janitor\"],\"escalateAfter\":\"PT1H\"}")
                .put("/api/escalation-policy/medium").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("janitor"));
        Api.as(Role.SUPERVISOR).body("{\"notifyAtOnce\":[\"operator\"],\"escalateAfter\":\"soon\"}")
                .put("/api/escalation-policy/medium").then().statusCode(400)
                .body("detail", containsString("ISO-8601"));
        Api.as(Role.SUPERVISOR).body(MEDIUM_DEFAULT).put("/api/escalation-policy/urgent").then().statusCode(400);
    }

    @Test
    void shouldEscalateAMediumIncidentAfterTheIntervalTheSupervisorSet() throws Exception {
        Api.as(Role.SUPERVISOR).body("{\"notifyAtOnce\":[\"operator\"],\"escalateAfter\":\"PT20M\"}")
                .put("/api/escalation-policy/medium").then().statusCode(200).body("escalateAfter", equalTo("PT20M"));
        try {
            String id = Fixtures.report("medium", "T2-05", "lgwan");
            clock.advance(Duration.ofMinutes(21));
            scheduler.fireDue();

            // the service's own 1 s scan may hold the incident's lock, and then fires it instead of fireDue()
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    Api.as(Role.OPERATOR).get("/api/incidents/" + id).then().body("escalationLevel", equalTo(2)));
        } finally {
            Api.as(Role.SUPERVISOR).body(MEDIUM_DEFAULT).put("/api/escalation-policy/medium").then().statusCode(200);
        }
    }
}
