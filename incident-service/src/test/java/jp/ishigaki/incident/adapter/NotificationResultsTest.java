package jp.ishigaki.incident.adapter;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.notification.Channel;
import jp.ishigaki.schemas.notification.DeliveryStatus;
import jp.ishigaki.schemas.notification.NotificationKind;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.NotificationResult;
import jp.ishigaki.schemas.notification.Recipient;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** notification.results → the incident timeline; a final failure escalates. */
@QuarkusTest
class NotificationResultsTest {

    private static final Recipient YAMADA = new Recipient("p1", "山田 課長", "manager", "ja", Channel.EMAIL,
            "yamada@city.example", null);
    private static final Recipient HOOK = new Recipient("p2", "SOC Slack", "operator", "ja", Channel.WEBHOOK, "soc-slack", null);

    @Test
    void shouldWriteDeliveryResultsToTheTimelineOnce() throws Exception {
        String id = Fixtures.report("medium", "T2-05", "lgwan");
        NotificationResult sent = result(id, YAMADA, DeliveryStatus.SENT, 1, 1);
        send(sent);
        send(sent);
        send(result(id, HOOK, DeliveryStatus.RETRYING, 3, 5));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(Fixtures.count("SELECT COUNT(*) FROM incident_timeline WHERE incident_id = ? AND text = ?", id,
                    "山田 課長へメール送信済み")).isEqualTo(1);
            assertThat(Fixtures.count("SELECT COUNT(*) FROM incident_timeline WHERE incident_id = ? AND text LIKE ?", id,
                    "Webhook 送信失敗 (3/5)%")).isEqualTo(1);
        });
    }

    @Test
    void shouldEscalateToTheNextLevelWhenANoticeFinallyFails() throws Exception {
        String id = Fixtures.report("high", "T1-03", "internet");
        send(result(id, HOOK, DeliveryStatus.FAILED, 5, 5));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(((Number) Fixtures.scalar("SELECT escalation_level FROM incident WHERE id = ?", id)).intValue())
                        .isEqualTo(2));
        List<NotificationRequest> escalations = Fixtures.notices(id, NotificationKind.ESCALATION, 1, Duration.ofSeconds(20));
        assertThat(escalations.get(0).recipients()).extracting(Recipient::role).containsOnly("manager");
        assertThat(Fixtures.count("SELECT COUNT(*) FROM incident_timeline WHERE incident_id = ? AND text LIKE ?", id,
                "Webhook 送信失敗 (5/5)%最終失敗%")).isEqualTo(1);
    }

    private static NotificationResult result(String incidentId, Recipient r, DeliveryStatus status, int attempt, int max) {
        return new NotificationResult(UUID.randomUUID().toString(), UUID.randomUUID().toString(), incidentId,
                NotificationKind.NEW_INCIDENT, 1, r, status, attempt, max, status == DeliveryStatus.SENT ? null : "connection refused",
                Instant.now());
    }

    private static void send(NotificationResult r) {
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.NOTIFICATION_RESULTS, r.incidentId(), r);
    }
}
