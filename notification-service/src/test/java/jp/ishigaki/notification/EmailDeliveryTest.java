package jp.ishigaki.notification;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import jp.ishigaki.platform.testing.MariaDbTestResource;
import jp.ishigaki.schemas.notification.DeliveryStatus;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.NotificationResult;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A request on notification.requests becomes one e-mail per recipient in the SMTP server and a SENT result each. */
@QuarkusTest
class EmailDeliveryTest {

    @Test
    void shouldMailEveryRecipientOfARequestAndPublishASentResultPerRecipient() throws Exception {
        String yamada = Samples.mailbox();
        String smith = Samples.mailbox();
        NotificationRequest request = Samples.escalation("サーバ室 煙感知器発報",
                List.of(Samples.email("山田 太郎", "ja", yamada), Samples.email("John Smith", "en", smith)));

        KafkaTopics.request(request);

        List<MimeMessage> toYamada = Mailbox.await(yamada, 1, Duration.ofSeconds(20));
        List<MimeMessage> toSmith = Mailbox.await(smith, 1, Duration.ofSeconds(20));
        assertThat(toYamada).hasSize(1);
        assertThat(toYamada.get(0).getSubject())
                .isEqualTo("【緊急】" + request.incidentNumber() + " サーバ室 煙感知器発報 — エスカレーション (レベル2)");
        assertThat(toSmith).hasSize(1);
        assertThat(toSmith.get(0).getSubject())
                .isEqualTo("[CRITICAL] " + request.incidentNumber() + " サーバ室 煙感知器発報 — Escalation (level 2)");
        assertThat(toYamada.get(0).getHeader("X-Ishigaki-Notification-Id")).containsExactly(request.id());

        List<NotificationResult> results = KafkaTopics.results(
                r -> r.notificationId().equals(request.id()), 2, Duration.ofSeconds(20));
        assertThat(results).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.incidentId()).isEqualTo(request.incidentId());
        });
        assertThat(results).extracting(r -> r.recipient().address()).containsExactlyInAnyOrder(yamada, smith);
        assertThat(deliveryStatuses(request.id())).containsExactly("SENT", "SENT");
    }

    @Test
    void shouldNotMailARecipientTwiceWhenTheSameRequestIsDeliveredAgain() throws Exception {
        String address = Samples.mailbox();
        NotificationRequest request = Samples.escalation("二重配信の確認", List.of(Samples.email("佐藤 花子", "ja", address)));

        KafkaTopics.request(request);
        assertThat(Mailbox.await(address, 1, Duration.ofSeconds(20))).hasSize(1);
        KafkaTopics.request(request);
        KafkaTopics.request(request);

        NotificationRequest marker = Samples.escalation("後続の通知", List.of(Samples.email("佐藤 花子", "ja", address)));
        KafkaTopics.request(marker);
        assertThat(Mailbox.await(address, 2, Duration.ofSeconds(20))).hasSize(2);
        Mailbox.sleep(1_000);
        assertThat(Mailbox.to(address)).hasSize(2);
        assertThat(deliveryStatuses(request.id())).containsExactly("SENT");
    }

    static List<String> deliveryStatuses(String notificationId) throws Exception {
        try (Connection db = MariaDbTestResource.connection();
             var query = db.prepareStatement("SELECT status FROM delivery WHERE notification_id = ? ORDER BY id")) {
            query.setString(1, notificationId);
            List<String> statuses = new java.util.ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
            }
            return statuses;
        }
    }
}
