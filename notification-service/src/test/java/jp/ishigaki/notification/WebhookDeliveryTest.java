package jp.ishigaki.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.schemas.notification.DeliveryStatus;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.NotificationResult;
import jp.ishigaki.schemas.topic.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks against a real HTTP server: signed generic JSON, Slack and Teams payloads, unknown endpoints. */
@QuarkusTest
class WebhookDeliveryTest {

    @Test
    void shouldPostGenericJsonWhoseSignatureTheReceiverVerifies() throws Exception {
        NotificationRequest request = Samples.escalation("不正ログオン <試行>", List.of(Samples.webhook("soc-generic")));

        KafkaTopics.request(request);

        WebhookReceiver.Received call = awaitCall("soc-generic", request.id());
        assertThat(call.signatureValid()).isTrue();
        assertThat(call.header("X-Ishigaki-Signature")).startsWith("sha256=").hasSize(7 + 64);
        assertThat(Long.parseLong(call.header("X-Ishigaki-Timestamp")))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        JsonNode body = Json.mapper().readTree(call.body());
        assertThat(body.get("incidentNumber").asText()).isEqualTo(request.incidentNumber());
        assertThat(body.get("title").asText()).isEqualTo("不正ログオン <試行>");
        assertThat(body.at("/threat/code").asText()).isEqualTo("T3-03");
        assertThat(body.at("/threat/ja").asText()).isEqualTo("火災等の災害");
        assertThat(body.at("/segment/ja").asText()).isEqualTo("施設・設備");
        assertThat(body.get("level").asInt()).isEqualTo(2);
        assertThat(call.text()).doesNotContain(WebhookReceiver.secret());

        List<NotificationResult> results = KafkaTopics.results(r -> r.notificationId().equals(request.id()), 1,
                Duration.ofSeconds(20));
        assertThat(results).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void shouldPostASlackMessageWithEventTextEscaped() throws Exception {
        NotificationRequest request = Samples.escalation("<!channel> 停電 & UPS", List.of(Samples.webhook("soc-slack")));

        KafkaTopics.request(request);

        JsonNode body = Json.mapper().readTree(awaitCall("soc-slack", request.id()).body());
        assertThat(body.get("text").asText()).startsWith("【緊急】" + request.incidentNumber()).doesNotContain("<!channel>");
        String section = body.at("/blocks/0/text/text").asText();
        assertThat(body.at("/blocks/0/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(section).contains("&lt;!channel&gt; 停電 &amp; UPS", "T3-03 火災等の災害",
                "<https://ishigaki.city.example.lg.jp/incidents/42|コンソールで開く>")
                .doesNotContain("<!channel>");
    }

    @Test
    void shouldPostATeamsMessageCard() throws Exception {
        NotificationRequest request = Samples.escalation("サーバ室 煙感知器発報", List.of(Samples.webhook("soc-teams")));

        KafkaTopics.request(request);

        JsonNode card = Json.mapper().readTree(awaitCall("soc-teams", request.id()).body());
        assertThat(card.get("@type").asText()).isEqualTo("MessageCard");
        assertThat(card.get("themeColor").asText()).isEqualTo("C00000");
        assertThat(card.get("summary").asText()).contains(request.incidentNumber(), "エスカレーション (レベル2)");
        assertThat(card.at("/sections/0/facts").findValuesAsText("value")).contains("T3-03 火災等の災害", "施設・設備");
        assertThat(card.at("/potentialAction/0/targets/0/uri").asText())
                .isEqualTo("https://ishigaki.city.example.lg.jp/incidents/42");
    }

    @Test
    void shouldFailAtOnceAndDeadLetterWhenTheEndpointNameIsUnknown() {
        NotificationRequest request = Samples.escalation("未設定の宛先", List.of(Samples.webhook("no-such-endpoint")));

        KafkaTopics.request(request);

        List<NotificationResult> results = KafkaTopics.results(r -> r.notificationId().equals(request.id()), 1,
                Duration.ofSeconds(20));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.error()).contains("no webhook endpoint named 'no-such-endpoint'");
        });
        assertThat(KafkaTopics.deadLetters(d -> d.request() != null && d.request().id().equals(request.id()), 1,
                Duration.ofSeconds(10))).hasSize(1);
    }

    static WebhookReceiver.Received awaitCall(String endpoint, String notificationId) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            Optional<WebhookReceiver.Received> call = WebhookReceiver.received().stream()
                    .filter(r -> r.endpoint().equals(endpoint) && notificationId.equals(r.header("X-Ishigaki-Notification-Id")))
                    .findFirst();
            if (call.isPresent()) {
                return call.get();
            }
            Mailbox.sleep(50);
        }
        throw new AssertionError("no call to " + endpoint + " for " + notificationId);
    }
}
