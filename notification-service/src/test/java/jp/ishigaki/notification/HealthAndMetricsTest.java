package jp.ishigaki.notification;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.schemas.notification.NotificationRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/** Readiness covers Kafka and the database, liveness the scheduler; delivery outcomes are Prometheus counters. */
@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void shouldBeReadyWithKafkaAndTheDatabaseAndLiveWithTheScheduler() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
        given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItems("delivery-scheduler"));
    }

    @Test
    void shouldCountSentAndDeadLetteredNotices() {
        double sentBefore = counter("ishigaki_notifications_sent_total{channel=\"email\"");
        double unreadableBefore = counter("ishigaki_notifications_dead_lettered_total{reason=\"unreadable\"");
        String address = Samples.mailbox();
        NotificationRequest request = Samples.escalation("メトリクス確認", List.of(Samples.email("山田 太郎", "ja", address)));
        KafkaTopics.rawRequest(request.incidentId(), "garbage".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        KafkaTopics.request(request);
        assertThat(Mailbox.await(address, 1, Duration.ofSeconds(20))).hasSize(1);
        KafkaTopics.results(r -> r.notificationId().equals(request.id()), 1, Duration.ofSeconds(10));

        assertThat(counter("ishigaki_notifications_sent_total{channel=\"email\"")).isGreaterThan(sentBefore);
        assertThat(counter("ishigaki_notifications_dead_lettered_total{reason=\"unreadable\""))
                .isEqualTo(unreadableBefore + 1);
    }

    private static double counter(String prefix) {
        return given().when().get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
