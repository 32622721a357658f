package jp.ishigaki.notification;

import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.notification.Channel;
import jp.ishigaki.schemas.notification.NotificationKind;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.Recipient;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Realistic notices for tests, each with fresh ids so test classes sharing one broker and sink never collide. */
public final class Samples {

    private static final AtomicInteger NUMBER = new AtomicInteger(100);

    private Samples() {
    }

    public static String uniqueNumber() {
        return String.format("INC-2026-%06d", NUMBER.incrementAndGet() + (int) (Math.random() * 1000) * 1000);
    }

    public static Recipient email(String name, String language, String address) {
        return new Recipient("p-" + name.hashCode(), name, "manager", language, Channel.EMAIL, address, null);
    }

    public static Recipient webhook(String endpoint) {
        return new Recipient(null, "SOC " + endpoint, "operator", "ja", Channel.WEBHOOK, endpoint, null);
    }

    public static String mailbox() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@city.example.lg.jp";
    }

    /** An escalation to level 2 of a critical fire-alarm incident in the facility segment. */
    public static NotificationRequest escalation(String title, List<Recipient> recipients) {
        return new NotificationRequest(
                "ntf-" + UUID.randomUUID(),
                "inc-" + UUID.randomUUID(),
                uniqueNumber(),
                NotificationKind.ESCALATION,
                2,
                Severity.CRITICAL,
                Threat.T3_03,
                Segment.FACILITY,
                IncidentState.TRIAGE,
                title,
                List.of("本庁舎3階 サーバ室", "基幹系UPS-01"),
                null,
                Instant.parse("2026-11-26T06:15:00Z"),
                "https://ishigaki.city.example.lg.jp/incidents/42",
                recipients,
                Instant.now());
    }
}
