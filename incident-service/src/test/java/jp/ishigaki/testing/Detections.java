package jp.ishigaki.testing;

import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Realistic detections for tests. */
public final class Detections {

    private Detections() {
    }

    public static Detection of(String dedupKey, Severity severity, Threat threat, Segment segment) {
        return of("det-" + UUID.randomUUID(), dedupKey, severity, threat, segment, List.of());
    }

    public static Detection of(String id, String dedupKey, Severity severity, Threat threat, Segment segment,
                               List<Control> controls) {
        Instant now = Instant.now();
        return new Detection(id, dedupKey, "win-4625-bruteforce", "ログオン失敗の連続（総当たり攻撃の疑い）",
                Detection.RuleKind.correlation, severity, severity, List.of(), threat, controls, List.of("attack.t1110"),
                segment, "pc-somu-014", "tanaka", "192.0.2.10", null, "10 分間に 25 回のログオン失敗", 25, now.minusSeconds(600),
                now, List.of("evt-1", "evt-2"), List.of());
    }
}
