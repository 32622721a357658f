package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.ThreatGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * DOMAIN.md §4: severity is raised, never lowered, and each raise gives its reason: {@code mynumber} → at least
 * high; a highly classified asset → one step up; a possible legal reporting trigger → at least high; a disaster or
 * infrastructure threat hitting a server room → critical.
 */
public final class SeverityPolicy {

    private SeverityPolicy() {
    }

    /** The facts the policy looks at. */
    public record Facts(Severity current, Segment segment, boolean highlyClassifiedAsset, boolean legalTrigger,
                        ThreatGroup threatGroup, boolean serverRoomHit) {
    }

    /** One raise and why. */
    public record Raise(Severity from, Severity to, String reason) {
    }

    /** The raises to apply, in order; empty when the severity stands. */
    public static List<Raise> raises(Facts facts) {
        List<Raise> out = new ArrayList<>();
        Severity s = facts.current() == Severity.INFO ? Severity.LOW : facts.current();
        if (facts.segment() == Segment.MYNUMBER && !s.isAtLeast(Severity.HIGH)) {
            out.add(new Raise(s, Severity.HIGH, "マイナンバー利用事務系のため高以上"));
            s = Severity.HIGH;
        }
        if (facts.highlyClassifiedAsset() && s != Severity.CRITICAL) {
            out.add(new Raise(s, s.oneStepUp(), "機密性3A/3B・完全性2・可用性2の資産のため1段階引上げ"));
            s = s.oneStepUp();
        }
        if (facts.legalTrigger() && !s.isAtLeast(Severity.HIGH)) {
            out.add(new Raise(s, Severity.HIGH, "法令上の報告義務の可能性があるため高以上"));
            s = Severity.HIGH;
        }
        if (facts.serverRoomHit() && facts.threatGroup() != null
                && (facts.threatGroup() == ThreatGroup.T3 || facts.threatGroup() == ThreatGroup.T5)
                && s != Severity.CRITICAL) {
            out.add(new Raise(s, Severity.CRITICAL, "サーバ室・データセンターに及ぶ災害・インフラ障害のため緊急"));
            s = Severity.CRITICAL;
        }
        return out;
    }

    /** The severity after all raises. */
    public static Severity apply(Facts facts) {
        List<Raise> raises = raises(facts);
        Severity base = facts.current() == Severity.INFO ? Severity.LOW : facts.current();
        return raises.isEmpty() ? base : raises.get(raises.size() - 1).to();
    }
}
