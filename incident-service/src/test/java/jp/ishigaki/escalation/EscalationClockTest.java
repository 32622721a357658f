package jp.ishigaki.escalation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.ishigaki.platform.testing.MariaDbTestResource;
import jp.ishigaki.schemas.notification.NotificationKind;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.Recipient;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Contacts;
import jp.ishigaki.testing.Fixtures;
import jp.ishigaki.testing.TestClock;
import jp.ishigaki.user.domain.Role;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Escalation clocks in MariaDB under a controllable clock: timing, acknowledgement, repeats, replicas, crashes. */
@QuarkusTest
class EscalationClockTest {

    private static final String ESCALATIONS =
            "SELECT COUNT(*) FROM incident_timeline WHERE incident_id = ? AND type = 'ESCALATED' AND text LIKE '%レベル 1 → 2%'";

    @Inject
    TestClock clock;

    @Inject
    EscalationScheduler scheduler;

    @Test
    void shouldEscalateToTheManagerWhenAHighIncidentIsNotAcknowledgedIn30Minutes() throws Exception {
        String id = Fixtures.report("high", "T1-03", "internet");
        Api.as(Role.OPERATOR).get("/api/incidents/" + id).then().body("escalationLevel", equalTo(1))
                .body("escalationClock.roles[0]", equalTo("manager"));
        clock.advance(Duration.ofMinutes(29));
        scheduler.fireDue();
        assertThat(level(id)).as("not yet due").isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        scheduler.fireDue();
        awaitLevel(id, 2);
        List<NotificationRequest> escalations = Fixtures.notices(id, NotificationKind.ESCALATION, 1, Duration.ofSeconds(20));
        assertThat(escalations).singleElement().satisfies(n -> {
            assertThat(n.level()).isEqualTo(2);
            assertThat(n.recipients()).extracting(Recipient::role).containsOnly("manager");
        });
        Api.as(Role.OPERATOR).get("/api/incidents/" + id).then().body("escalationClock.level", equalTo(2))
                .body("escalationClock.roles[0]", equalTo("supervisor"));
    }

    @Test
    void shouldStopTheClockAtTheAcknowledgedLevel() throws Exception {
        String id = Fixtures.report("high", "T1-03", "internet");
        clock.advance(Duration.ofMinutes(31));
        scheduler.fireDue();
        awaitLevel(id, 2);
        Api.as(Role.MANAGER).post("/api/incidents/" + id + "/acknowledge").then().statusCode(200)
                .body("acknowledgement.level", equalTo(2));
        assertThat(Fixtures.count("SELECT COUNT(*) FROM escalation_clock WHERE incident_id = ?", id)).isZero();
        clock.advance(Duration.ofHours(2));
        scheduler.fireDue();
        assertThat(level(id)).as("acknowledged: no further escalation").isEqualTo(2);
    }

    @Test
    void shouldRestartTheClockFromTheFirstLevelWhenAnEndedIncidentIsReopened() throws Exception {
        String id = Fixtures.report("high", "T1-03", "internet");
        clock.advance(Duration.ofMinutes(31));
        scheduler.fireDue();
        awaitLevel(id, 2);
        Api.as(Role.MANAGER).post("/api/incidents/" + id + "/acknowledge").then().statusCode(200);
        Api.as(Role.OPERATOR).body(Map.of("to", "DISMISSED", "reason", "検証環境の通信と判断"))
                .post("/api/incidents/" + id + "/transitions").then().statusCode(200);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM escalation_clock WHERE incident_id = ?", id)).isZero();

        clock.advance(Duration.ofHours(1));
        Api.as(Role.OPERATOR).body(Map.of("to", "TRIAGE", "reason", "本番環境でも同じ通信を確認"))
                .post("/api/incidents/" + id + "/transitions").then().statusCode(200)
                .body("state", equalTo("TRIAGE"))
                .body("acknowledgement", nullValue())
                .body("escalationLevel", equalTo(1))
                .body("escalationClock.level", equalTo(1))
                .body("escalationClock.roles[0]", equalTo("manager"));
        Instant due = Instant.parse(Api.as(Role.OPERATOR).get("/api/incidents/" + id).then().extract()
                .path("escalationClock.dueAt"));
        assertThat(due).isBetween(clock.instant().plus(Duration.ofMinutes(29)), clock.instant().plus(Duration.ofMinutes(30)));
        List<NotificationRequest> reopened = Fixtures.notices(id, NotificationKind.STATE_CHANGE, 2, Duration.ofSeconds(20));
        assertThat(reopened.get(reopened.size() - 1)).satisfies(n -> {
            assertThat(n.level()).isEqualTo(1);
            assertThat(n.recipients()).extracting(Recipient::role).containsOnly("operator");
        });

        clock.advance(Duration.ofMinutes(29));
        scheduler.fireDue();
        assertThat(level(id)).as("the restarted clock is not due yet").isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        scheduler.fireDue();
        awaitLevel(id, 2);
        assertThat(Fixtures.count(ESCALATIONS, id)).as("once before the reopen, once after").isEqualTo(2);
    }

    @Test
    void shouldRepeatAnUnacknowledgedCriticalIncidentAtTheTop() throws Exception {
        String id = Fixtures.report("critical", "T1-02", "mynumber");
        Api.as(Role.OPERATOR).get("/api/incidents/" + id).then().body("escalationLevel", equalTo(4));
        List<NotificationRequest> first = Fixtures.notices(id, NotificationKind.NEW_INCIDENT, 1, Duration.ofSeconds(20));
        assertThat(first.get(0).recipients()).extracting(Recipient::role)
                .containsOnly("operator", "supervisor", "ciso");
        assertThat(first.get(0).recipients()).extracting(Recipient::name).contains(Contacts.DEPUTY)
                .doesNotContain(Contacts.SUPERVISOR);
        assertThat(first.get(0).recipients()).filteredOn(r -> r.name().equals(Contacts.DEPUTY))
                .extracting(Recipient::deputyFor).containsOnly(Contacts.SUPERVISOR);
        Api.as(Role.AUDITOR).get("/api/incidents/" + id + "/timeline").then()
                .body("text.findAll { it.contains('鈴木 統括 不在のため代理者 佐藤 次長') }.size()", equalTo(1));

        clock.advance(Duration.ofMinutes(16));
        scheduler.fireDue();
        clock.advance(Duration.ofMinutes(16));
        scheduler.fireDue();
        List<NotificationRequest> repeats = Fixtures.notices(id, NotificationKind.REPEAT, 2, Duration.ofSeconds(20));
        assertThat(repeats).hasSize(2);
        assertThat(repeats.get(0).recipients()).extracting(Recipient::role)
                .containsOnly("operator", "manager", "supervisor", "ciso");
        Api.as(Role.OPERATOR).get("/api/incidents/" + id).then().body("escalationClock", notNullValue());
    }

    @Test
    void shouldFireEachDueClockOnceWhenReplicasRace() throws Exception {
        String id = Fixtures.report("medium", "T2-10", "lgwan");
        clock.advance(Duration.ofHours(4).plusMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> replicas = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                replicas.add(scheduler::fireDue);
            }
            for (Future<Integer> f : pool.invokeAll(replicas)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(Fixtures.count(ESCALATIONS, id)).isEqualTo(1);
        assertThat(level(id)).isEqualTo(2);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM outbox WHERE aggregate_id = ? AND topic = 'notification.requests' "
                + "AND payload LIKE '%\"ESCALATION\"%'", id)).isEqualTo(1);
    }

    @Test
    void shouldLoseNoEscalationWhenAReplicaDiesHoldingTheIncident() throws Exception {
        String id = Fixtures.report("medium", "T2-10", "lgwan");
        clock.advance(Duration.ofHours(4).plusMinutes(1));
        try (Connection otherReplica = MariaDbTestResource.connection()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock = otherReplica.prepareStatement("SELECT id FROM incident WHERE id = ? FOR UPDATE")) {
                lock.setString(1, id);
                lock.executeQuery();
            }
            scheduler.fireDue();
            assertThat(level(id)).as("held by another replica: skipped, not waited for").isEqualTo(1);
            otherReplica.rollback();
        }
        scheduler.fireDue();
        scheduler.fireDue();
        awaitLevel(id, 2);
        assertThat(Fixtures.count(ESCALATIONS, id)).isEqualTo(1);
    }

    /**
     * The level reached, once the transaction that fired the clock has committed: the service's own 1 s scan may
     * have taken the incident's lock first, and a manual {@code fireDue()} then skips it rather than wait.
     */
    private static void awaitLevel(String id, int expected) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(level(id)).isEqualTo(expected));
    }

    private static int level(String id) throws Exception {
        return ((Number) Fixtures.scalar("SELECT escalation_level FROM incident WHERE id = ?", id)).intValue();
    }
}
