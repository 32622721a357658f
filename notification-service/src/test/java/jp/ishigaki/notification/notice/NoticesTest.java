package jp.ishigaki.notification.notice;

import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.notification.Channel;
import jp.ishigaki.schemas.notification.NotificationKind;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.Recipient;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NoticesTest {

    private static final Recipient JA = new Recipient("p1", "山田 太郎", "manager", "ja", Channel.EMAIL, "y@example.jp", null);
    private static final Recipient EN = new Recipient("p2", "John Smith", "ciso", "en", Channel.EMAIL, "j@example.jp", "山田 太郎");

    private static NotificationRequest request(Severity severity, NotificationKind kind, String title) {
        return new NotificationRequest("n1", "i1", "INC-2026-000123", kind, 2, severity, Threat.T1_02,
                Segment.MYNUMBER, IncidentState.CONTAINMENT, title, List.of(), null,
                Instant.parse("2026-11-26T23:30:00Z"), "https://console.example/incidents/1", List.of(JA), Instant.now());
    }

    @ParameterizedTest
    @CsvSource({"CRITICAL,【緊急】,'[CRITICAL] '", "HIGH,【重要】,'[HIGH] '", "MEDIUM,【注意】,'[MEDIUM] '", "LOW,【連絡】,'[LOW] '"})
    void shouldPrefixTheSubjectBySeverity(Severity severity, String ja, String en) {
        assertThat(Notices.of(request(severity, NotificationKind.NEW_INCIDENT, "x"), JA).subject())
                .isEqualTo(ja + "INC-2026-000123 x — 新規インシデント");
        assertThat(Notices.of(request(severity, NotificationKind.NEW_INCIDENT, "x"), EN).subject())
                .isEqualTo(en + "INC-2026-000123 x — New incident");
    }

    @Test
    void shouldNameTheEscalationLevelAndTheNewState() {
        assertThat(Notices.of(request(Severity.CRITICAL, NotificationKind.ESCALATION, "サーバ室 煙感知器発報"), JA).subject())
                .isEqualTo("【緊急】INC-2026-000123 サーバ室 煙感知器発報 — エスカレーション (レベル2)");
        assertThat(Notices.of(request(Severity.HIGH, NotificationKind.STATE_CHANGE, "x"), JA).kind())
                .isEqualTo("状態変更: 初動対応・被害拡大防止");
    }

    @Test
    void shouldStripLineBreaksAndControlCharactersFromTheSubject() {
        String subject = Notices.of(request(Severity.LOW, NotificationKind.REPEAT, "a\r\nBcc: x@y\u2028z\u0000"), JA).subject();
        assertThat(subject).isEqualTo("【連絡】INC-2026-000123 a Bcc: x@y z — 再通知").doesNotContain("\r", "\n");
    }

    @Test
    void shouldShowTheDeadlineInJapanTimeEvenAcrossMidnight() {
        assertThat(Notices.of(request(Severity.HIGH, NotificationKind.DEADLINE_APPROACHING, "x"), JA).deadline())
                .isEqualTo("2026年11月27日(金) 08:30 (日本時間)");
        assertThat(Notices.of(request(Severity.HIGH, NotificationKind.DEADLINE_APPROACHING, "x"), EN).deadline())
                .isEqualTo("Fri 27 Nov 2026 08:30 JST (Asia/Tokyo)");
    }

    @Test
    void shouldAskByKindUnlessTheRequestSaysWhatItWants() {
        assertThat(Notices.of(request(Severity.HIGH, NotificationKind.DEADLINE_OVERDUE, "x"), JA).ask()).contains("期限を過ぎています");
        NotificationRequest r = request(Severity.HIGH, NotificationKind.DEADLINE_OVERDUE, "x");
        NotificationRequest withAsk = new NotificationRequest(r.id(), r.incidentId(), r.incidentNumber(), r.kind(), r.level(),
                r.severity(), r.threat(), r.segment(), r.state(), r.title(), r.affectedAssets(), "個人情報保護委員会への速報を提出してください",
                r.deadline(), r.consoleUrl(), r.recipients(), r.requestedAt());
        assertThat(Notices.of(withAsk, JA).ask()).isEqualTo("個人情報保護委員会への速報を提出してください");
    }

    @Test
    void shouldKeepOnlyHttpLinks() {
        assertThat(Notices.safeLink("https://console.example/incidents/1")).isEqualTo("https://console.example/incidents/1");
        assertThat(Notices.safeLink("javascript:alert(1)")).isEmpty();
        assertThat(Notices.safeLink("data:text/html,<b>")).isEmpty();
    }
}
