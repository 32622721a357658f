package jp.ishigaki.notification;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.platform.testing.SmtpTestResource;
import jp.ishigaki.schemas.notification.DeliveryStatus;
import jp.ishigaki.schemas.notification.NotificationDeadLetter;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.NotificationResult;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery that survives faults: an SMTP outage, an endpoint that never recovers, a poison record. The test profile
 * allows 5 attempts with 300 ms base delay and 2 s maximum delay.
 */
@QuarkusTest
class FaultToleranceTest {

    @Test
    void shouldDeliverExactlyOnceAfterTheSmtpServerComesBack() throws Exception {
        String address = Samples.mailbox();
        NotificationRequest request = Samples.escalation("SMTP 停止中の通知", List.of(Samples.email("山田 太郎", "ja", address)));

        SmtpTestResource.mailSink().stop();
        try {
            KafkaTopics.request(request);
            List<NotificationResult> retrying = KafkaTopics.results(
                    r -> r.notificationId().equals(request.id()) && r.status() == DeliveryStatus.RETRYING, 1,
                    Duration.ofSeconds(20));
            assertThat(retrying).singleElement().satisfies(r -> {
                assertThat(r.attempt()).isEqualTo(1);
                assertThat(r.maxAttempts()).isEqualTo(5);
                assertThat(r.error()).startsWith("SMTP:");
            });
        } finally {
            SmtpTestResource.mailSink().restart();
        }

        assertThat(Mailbox.await(address, 1, Duration.ofSeconds(20))).hasSize(1);
        List<NotificationResult> sent = KafkaTopics.results(
                r -> r.notificationId().equals(request.id()) && r.status() == DeliveryStatus.SENT, 1, Duration.ofSeconds(20));
        assertThat(sent).singleElement().satisfies(r -> assertThat(r.attempt()).isGreaterThan(1));
        Mailbox.sleep(2_000);
        assertThat(Mailbox.to(address)).hasSize(1);
        assertThat(EmailDeliveryTest.deliveryStatuses(request.id())).containsExactly("SENT");
    }

    @Test
    void shouldDeadLetterAfterTheLastAttemptWhileTheNextRequestOnThePartitionIsDelivered() {
        NotificationRequest failing = Samples.escalation("落ちたままの Webhook", List.of(Samples.webhook("broken")));
        String address = Samples.mailbox();
        NotificationRequest base = Samples.escalation("同じインシデントの次の通知", List.of(Samples.email("山田 太郎", "ja", address)));
        NotificationRequest next = new NotificationRequest(base.id(), failing.incidentId(), base.incidentNumber(),
                base.kind(), base.level(), base.severity(), base.threat(), base.segment(), base.state(), base.title(),
                base.affectedAssets(), base.ask(), base.deadline(), base.consoleUrl(), base.recipients(), base.requestedAt());

        KafkaTopics.request(failing);
        KafkaTopics.request(next);

        List<NotificationResult> nextResults = KafkaTopics.results(r -> r.notificationId().equals(next.id()), 1,
                Duration.ofSeconds(20));
        assertThat(nextResults).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(DeliveryStatus.SENT));

        List<NotificationResult> results = KafkaTopics.results(r -> r.notificationId().equals(failing.id()), 5,
                Duration.ofSeconds(30));
        assertThat(results).extracting(NotificationResult::attempt).containsExactly(1, 2, 3, 4, 5);
        assertThat(results).extracting(NotificationResult::status).containsExactly(DeliveryStatus.RETRYING,
                DeliveryStatus.RETRYING, DeliveryStatus.RETRYING, DeliveryStatus.RETRYING, DeliveryStatus.FAILED);
        assertThat(results).allSatisfy(r -> assertThat(r.error()).matches("webhook broken: (HTTP 503|timed out after 3000 ms)"));
        assertThat(nextResults.get(0).at()).as("the next notice was not held back until the failing one gave up")
                .isBefore(results.get(1).at());
        assertThat(WebhookReceiver.received().stream()
                .filter(c -> failing.id().equals(c.header("X-Ishigaki-Notification-Id"))))
                .hasSizeGreaterThanOrEqualTo((int) results.stream().filter(r -> r.error().endsWith("HTTP 503")).count())
                .hasSizeLessThanOrEqualTo(5);

        List<NotificationDeadLetter> dead = KafkaTopics.deadLetters(
                d -> d.request() != null && d.request().id().equals(failing.id()), 1, Duration.ofSeconds(10));
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.attempts()).isEqualTo(5);
            assertThat(d.recipient().address()).isEqualTo("broken");
            assertThat(d.lastError()).isEqualTo(results.get(4).error());
        });
        assertThat(Mailbox.to(address)).hasSize(1);
    }

    @Test
    void shouldDeadLetterAPoisonRecordWithItsReasonAndKeepTheTopicFlowing() {
        String address = Samples.mailbox();
        NotificationRequest next = Samples.escalation("毒メッセージの後", List.of(Samples.email("山田 太郎", "ja", address)));
        String poison = "{\"id\": \"poison-" + next.id() + "\", \"recipients\": [ not json";

        KafkaTopics.rawRequest(next.incidentId(), poison.getBytes(StandardCharsets.UTF_8));
        KafkaTopics.request(next);

        assertThat(Mailbox.await(address, 1, Duration.ofSeconds(20))).hasSize(1);
        List<NotificationDeadLetter> dead = KafkaTopics.deadLetters(
                d -> d.rawValue() != null && d.rawValue().equals(poison), 1, Duration.ofSeconds(10));
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.request()).isNull();
            assertThat(d.attempts()).isZero();
            assertThat(d.source()).startsWith("notification.requests-").contains("@");
            assertThat(d.lastError()).startsWith("unreadable notice: not a valid NotificationRequest");
        });
    }
}
