package jp.ishigaki.schemas;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.event.ClassifiedEvent;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.event.RejectReason;
import jp.ishigaki.schemas.incident.IncidentEvent;
import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.notification.Channel;
import jp.ishigaki.schemas.notification.DeliveryStatus;
import jp.ishigaki.schemas.notification.NotificationDeadLetter;
import jp.ishigaki.schemas.notification.NotificationKind;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.NotificationResult;
import jp.ishigaki.schemas.notification.Recipient;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic instances of every contract record. */
final class Samples {

    static final Instant AT = Instant.parse("2026-11-26T01:02:03.456Z");

    private Samples() {
    }

    static Asset asset() {
        return new Asset("A-0042", "住民記録システム 端末", List.of("mn-term-042"), List.of("10.10.4.0/24"),
                Segment.MYNUMBER, "市民課", "山田 太郎", "3A", "2", "2", AT);
    }

    static Detection detection() {
        return new Detection("det-7f3a", "win-brute-force|user=tanaka", "6c1e-brute", "Windows ログオン失敗の連続",
                Detection.RuleKind.correlation, Severity.MEDIUM, Severity.HIGH,
                List.of("segment mynumber → at least high"), Threat.T1_01, List.of(Control.MN_MFA),
                List.of("attack.credential_access", "attack.t1110"), Segment.MYNUMBER, "mn-term-042", "tanaka",
                "10.10.4.17", asset(), "10 failed logons for tanaka in 5 minutes", 10, AT, AT.plusSeconds(240),
                List.of("evt-1", "evt-2"), List.of(Map.of("event", Map.of("code", "4625"))));
    }

    static ClassifiedEvent classified() {
        return new ClassifiedEvent("evt-1", AT, "mn-term-042", Threat.T1_01, List.of(Control.MN_MFA), Segment.MYNUMBER,
                Severity.HIGH, List.of("segment mynumber → at least high"), List.of("6c1e-brute"), asset(),
                Map.of("event", Map.of("id", "evt-1", "code", "4625"), "host", Map.of("name", "mn-term-042")));
    }

    static DeadLetter deadLetter() {
        return new DeadLetter(RejectReason.MISSING_FIELD, "required field event.id is missing", "security.events.raw", 2,
                1234, AT, "mn-term-042", "{\"@timestamp\":\"2026-11-26T10:00:00+09:00\"}", null);
    }

    static IncidentEvent incidentEvent() {
        return new IncidentEvent("ie-1", "42", "INC-2026-000042", 1, IncidentEvent.Type.OPENED, IncidentState.DETECTED,
                Severity.HIGH, Threat.T1_01, Segment.MYNUMBER, "Windows ログオン失敗の連続", false, null, 0, "system",
                "opened from detection det-7f3a", AT);
    }

    static Recipient recipient() {
        return new Recipient("p-7", "山田 太郎", "manager", "ja", Channel.EMAIL, "yamada@city.example.jp", null);
    }

    static NotificationRequest notificationRequest() {
        return new NotificationRequest("n-1", "42", "INC-2026-000042", NotificationKind.ESCALATION, 2, Severity.CRITICAL,
                Threat.T3_03, Segment.FACILITY, IncidentState.DETECTED, "サーバ室 煙感知器発報", List.of("サーバ室 A"),
                "受領確認をしてください", AT.plusSeconds(900), "http://localhost:8080/incidents/42", List.of(recipient()), AT);
    }

    static NotificationResult notificationResult() {
        return new NotificationResult("r-1", "n-1", "42", NotificationKind.ESCALATION, 2, recipient(),
                DeliveryStatus.RETRYING, 3, 5, "connection refused", AT);
    }

    static NotificationDeadLetter notificationDeadLetter() {
        return new NotificationDeadLetter(notificationRequest(), recipient(), 5, "connection refused", AT);
    }
}
