package jp.ishigaki.notification;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import jp.ishigaki.schemas.notification.NotificationRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a recipient reads: Japanese and English, text and HTML, event text escaped, subjects safe from injection. */
@QuarkusTest
class EmailContentTest {

    private static final String HOSTILE_TITLE = "サーバ室 <script>alert('x')</script> & \"煙\"";

    @Test
    void shouldWriteTheJapaneseNoticeWithSeverityThreatSegmentAssetsAskDeadlineAndLink() {
        String address = Samples.mailbox();
        NotificationRequest request = Samples.escalation("サーバ室 煙感知器発報", List.of(Samples.email("山田 太郎", "ja", address)));

        KafkaTopics.request(request);

        MimeMessage mail = Mailbox.await(address, 1, Duration.ofSeconds(20)).get(0);
        String text = Mailbox.part(mail, "text/plain");
        String html = Mailbox.part(mail, "text/html");
        assertThat(text).contains("山田 太郎 様", "エスカレーション (レベル2)", request.incidentNumber(),
                "緊急 (critical)", "T3-03 火災等の災害", "施設・設備", "トリアージ", "本庁舎3階 サーバ室、基幹系UPS-01",
                "前のレベルで受領確認がありませんでした", "2026年11月26日(木) 15:15 (日本時間)",
                "https://ishigaki.city.example.lg.jp/incidents/42");
        assertThat(html).contains("<li>本庁舎3階 サーバ室</li>", "T3-03 火災等の災害", "期限: 2026年11月26日(木) 15:15 (日本時間)",
                "<a href=\"https://ishigaki.city.example.lg.jp/incidents/42\">コンソールで開く</a>");
    }

    @Test
    void shouldWriteTheEnglishNoticeWithJapaneseNamesAlongside() throws Exception {
        String address = Samples.mailbox();
        NotificationRequest request = Samples.escalation("Smoke detector alarm in server room",
                List.of(Samples.email("John Smith", "en", address)));

        KafkaTopics.request(request);

        MimeMessage mail = Mailbox.await(address, 1, Duration.ofSeconds(20)).get(0);
        assertThat(mail.getSubject()).isEqualTo("[CRITICAL] " + request.incidentNumber()
                + " Smoke detector alarm in server room — Escalation (level 2)");
        String text = Mailbox.part(mail, "text/plain");
        assertThat(text).contains("Dear John Smith", "Severity:        CRITICAL",
                "T3-03 Fire and other disasters (火災等の災害)", "Facility (施設・設備)", "Triage",
                "not acknowledged at the previous level", "Thu 26 Nov 2026 15:15 JST (Asia/Tokyo)");
        assertThat(Mailbox.part(mail, "text/html")).contains("<h3>What we ask of you</h3>", "Open in the console");
    }

    @Test
    void shouldKeepScriptInATitleAsTextInTheHtmlPart() {
        String address = Samples.mailbox();
        NotificationRequest request = Samples.escalation(HOSTILE_TITLE, List.of(Samples.email("山田 太郎", "ja", address)));

        KafkaTopics.request(request);

        String html = Mailbox.part(Mailbox.await(address, 1, Duration.ofSeconds(20)).get(0), "text/html");
        assertThat(html).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;煙&quot;");
    }

    @Test
    void shouldDropAConsoleLinkThatIsNotHttp() {
        String address = Samples.mailbox();
        NotificationRequest base = Samples.escalation("リンク確認", List.of(Samples.email("山田 太郎", "ja", address)));
        NotificationRequest request = new NotificationRequest(base.id(), base.incidentId(), base.incidentNumber(),
                base.kind(), base.level(), base.severity(), base.threat(), base.segment(), base.state(), base.title(),
                base.affectedAssets(), base.ask(), base.deadline(), "javascript:alert(1)", base.recipients(),
                base.requestedAt());

        KafkaTopics.request(request);

        String html = Mailbox.part(Mailbox.await(address, 1, Duration.ofSeconds(20)).get(0), "text/html");
        assertThat(html).doesNotContain("javascript:").doesNotContain("コンソールで開く");
    }

    @Test
    void shouldNotLetLineBreaksInATitleAddHeadersOrRecipients() throws Exception {
        String address = Samples.mailbox();
        String intruder = Samples.mailbox();
        NotificationRequest request = Samples.escalation("停電\r\nBcc: " + intruder + "\r\nX-Injected: yes",
                List.of(Samples.email("山田 太郎", "ja", address)));

        KafkaTopics.request(request);

        MimeMessage mail = Mailbox.await(address, 1, Duration.ofSeconds(20)).get(0);
        assertThat(mail.getSubject()).doesNotContain("\r", "\n").contains("停電 Bcc: " + intruder + " X-Injected: yes");
        assertThat(mail.getHeader("X-Injected")).isNull();
        assertThat(mail.getHeader("Bcc")).isNull();
        Mailbox.sleep(500);
        assertThat(Mailbox.to(intruder)).isEmpty();
    }
}
