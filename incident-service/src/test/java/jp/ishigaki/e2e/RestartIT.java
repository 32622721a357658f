package jp.ishigaki.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jp.ishigaki.platform.Ports;
import jp.ishigaki.platform.db.MariaDb;
import jp.ishigaki.platform.kafka.EmbeddedKafka;
import jp.ishigaki.platform.kafka.TopicAdmin;
import jp.ishigaki.platform.launcher.ChildProcess;
import jp.ishigaki.platform.launcher.DbAccount;
import jp.ishigaki.platform.launcher.QuarkusApp;
import jp.ishigaki.platform.launcher.ServiceEnvironment;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.schemas.notification.NotificationKind;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.topic.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A restart loses no escalation and fires none twice", with the packaged incident-service really stopped and started
 * again as a process against the same MariaDB and Kafka: a clock that falls due while the service is down fires
 * exactly once after the start, and a second restart does not fire it again.
 */
class RestartIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration ESCALATE_AFTER = Duration.ofSeconds(20);
    private static final String LEVEL_2 = "SELECT COUNT(*) FROM incident_timeline WHERE incident_id = ? "
            + "AND type = 'ESCALATED' AND text LIKE '%レベル 1 → 2%'";

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final MariaDb db = MariaDb.forTests();
    private final String database = "ishigaki_restart_" + run;
    private final String adminPassword = UUID.randomUUID().toString();
    private EmbeddedKafka broker;
    private ChildProcess service;

    @AfterEach
    void stopEverything() {
        if (service != null) {
            service.stop(Duration.ofSeconds(20));
        }
        if (broker != null) {
            broker.close();
        }
        db.dropDatabase(database);
    }

    @Test
    void anEscalationDueWhileTheServiceIsDownFiresExactlyOnceAfterItStarts() throws Exception {
        broker = EmbeddedKafka.start();
        TopicAdmin.createAll(broker.bootstrapServers());
        db.createDatabase(database);
        String jar = System.getProperty("ishigaki.e2e.jar." + QuarkusApp.INCIDENT_SERVICE);
        assertThat(jar).as("run with failsafe (system property ishigaki.e2e.jar.incident-service)").isNotNull();
        QuarkusApp app = new QuarkusApp(QuarkusApp.INCIDENT_SERVICE, Path.of(jar), Ports.free());
        Map<String, String> env = new HashMap<>(ServiceEnvironment.incidentService(broker.bootstrapServers(),
                new DbAccount(db.jdbcUrl(database), db.user(), db.password())));
        env.put("ISHIGAKI_ADMIN_PASSWORD", adminPassword);
        env.put("ISHIGAKI_SAMPLE_DATA_ENABLED", "true");
        env.put("ISHIGAKI_ESCALATION_HIGH_ESCALATE_AFTER", ESCALATE_AFTER.toSeconds() + "s");
        Path work = Path.of("target", "e2e", "restart-" + run).toAbsolutePath();

        start(app, env, work, 1);
        String id = api(app).contentType(ContentType.JSON)
                .body(Map.of("title", "再起動試験 " + run, "threat", "T1-03", "severity", "high", "segment", "internet"))
                .post("/api/incidents").then().statusCode(201).extract().path("id");
        Instant due = Instant.parse(api(app).get("/api/incidents/" + id).then().statusCode(200)
                .extract().path("escalationClock.dueAt"));
        assertThat(service.stop(Duration.ofSeconds(30))).as("clean stop").isNotEqualTo(-1);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 2_000);
        assertThat(count(LEVEL_2, id)).as("nothing runs while the service is down").isZero();

        start(app, env, work, 2);
        List<NotificationRequest> fired = new ArrayList<>();
        KafkaRecords.await(broker.bootstrapServers(), Topics.NOTIFICATION_REQUESTS,
                r -> id.equals(r.key()) && r.value().kind() == NotificationKind.ESCALATION && r.value().level() == 2,
                Duration.ofSeconds(60)).forEach(r -> fired.add(r.value()));
        assertThat(fired).as("the missed escalation fires after the start%s", tail()).isNotEmpty();
        Thread.sleep(3_000);
        assertThat(count(LEVEL_2, id)).as("one timeline entry for the escalation to level 2").isEqualTo(1);
        assertThat(escalationsByLevel(id)).as("one notification.requests record per level").containsEntry(2, 1L)
                .allSatisfy((level, n) -> assertThat(n).isEqualTo(1L));
        assertThat(count("SELECT COUNT(*) FROM escalation_clock WHERE incident_id = ? AND level = 2", id))
                .as("the clock moved on to the next level, nothing lost").isEqualTo(1);

        service.stop(Duration.ofSeconds(30));
        start(app, env, work, 3);
        Thread.sleep(5_000);
        assertThat(count(LEVEL_2, id)).as("a second restart does not fire it again").isEqualTo(1);
        assertThat(escalationsByLevel(id)).containsEntry(2, 1L).allSatisfy((level, n) -> assertThat(n).isEqualTo(1L));
    }

    private void start(QuarkusApp app, Map<String, String> env, Path work, int n) {
        service = app.start(env, List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError"), work,
                work.resolve("incident-service-" + n + ".log"));
        service.awaitHttpOk(app.readyUrl(), READY_TIMEOUT);
    }

    /** Every ESCALATION request of the incident on notification.requests, counted by level (reads for 5 s). */
    private Map<Integer, Long> escalationsByLevel(String id) {
        List<NotificationRequest> all = new ArrayList<>();
        KafkaRecords.await(broker.bootstrapServers(), Topics.NOTIFICATION_REQUESTS, r -> {
            if (id.equals(r.key()) && r.value().kind() == NotificationKind.ESCALATION) {
                all.add(r.value());
            }
            return false;
        }, Duration.ofSeconds(5));
        return all.stream().collect(Collectors.groupingBy(NotificationRequest::level, Collectors.counting()));
    }

    private long count(String sql, String id) throws Exception {
        try (Connection c = db.open(database); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String tail() {
        return service == null ? "" : "\n--- " + service.log() + " ---\n" + service.tail(40);
    }

    private RequestSpecification api(QuarkusApp app) {
        return RestAssured.given().baseUri(app.baseUrl()).auth().preemptive().basic("admin", adminPassword)
                .accept(ContentType.JSON);
    }
}
