package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One detection behind an incident, as the incident keeps it: rule, hit count and period, the controls it shows broken,
 * why its severity was raised, and a few sample raw events (each a JSON text, already bounded in size).
 */
public record DetectionRecord(
        String detectionId,
        String incidentId,
        String ruleId,
        String ruleTitle,
        Detection.RuleKind ruleKind,
        Severity ruleLevel,
        Severity severity,
        Threat threat,
        Segment segment,
        String host,
        String user,
        String sourceIp,
        String assetId,
        String assetName,
        String summary,
        long count,
        Instant firstSeen,
        Instant lastSeen,
        List<Control> controls,
        List<String> severityReasons,
        List<String> attackTags,
        List<String> samples,
        Instant receivedAt,
        Instant updatedAt) {

    public DetectionRecord {
        controls = controls == null ? List.of() : List.copyOf(controls);
        severityReasons = severityReasons == null ? List.of() : List.copyOf(severityReasons);
        attackTags = attackTags == null ? List.of() : List.copyOf(attackTags);
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /** The record of a detection as it arrives, with its samples already serialised and bounded. */
    public static DetectionRecord of(String incidentId, Detection d, List<String> samples, Instant now) {
        return new DetectionRecord(d.id(), incidentId, d.ruleId(), d.ruleTitle(), d.ruleKind(), d.ruleLevel(),
                d.severity(), d.threat(), d.segment(), d.host(), d.user(), d.sourceIp(),
                d.asset() == null ? null : d.asset().id(), d.asset() == null ? null : d.asset().name(), d.summary(),
                Math.max(d.count(), 1), d.firstSeen(), d.lastSeen(), d.controls(), d.severityReasons(),
                d.attackTags(), samples, now, now);
    }

    /**
     * Folds a later publication of the same detection into this one. Order-independent for the counters (the highest
     * count, the earliest first and latest last sighting win), so a redelivery or an older copy changes nothing; the
     * description comes from the copy with the higher count; samples are the union, oldest first, at most
     * {@code maxSamples}.
     */
    public DetectionRecord absorb(DetectionRecord other, int maxSamples) {
        DetectionRecord described = other.count > count ? other : this;
        LinkedHashSet<String> union = new LinkedHashSet<>(samples);
        union.addAll(other.samples);
        List<String> kept = new ArrayList<>(union);
        if (kept.size() > maxSamples) {
            kept = kept.subList(0, maxSamples);
        }
        LinkedHashSet<Control> allControls = new LinkedHashSet<>(controls);
        allControls.addAll(other.controls);
        LinkedHashSet<String> reasons = new LinkedHashSet<>(severityReasons);
        reasons.addAll(other.severityReasons);
        Severity highest = other.severity != null && (severity == null || other.severity.compareTo(severity) > 0)
                ? other.severity : severity;
        return new DetectionRecord(detectionId, incidentId, described.ruleId, described.ruleTitle, described.ruleKind,
                described.ruleLevel, highest, described.threat, described.segment, described.host, described.user,
                described.sourceIp, described.assetId, described.assetName, described.summary,
                Math.max(count, other.count), earlier(firstSeen, other.firstSeen), later(lastSeen, other.lastSeen),
                List.copyOf(allControls), List.copyOf(reasons), described.attackTags, kept, receivedAt,
                later(updatedAt, other.updatedAt));
    }

    /** Whether folding {@code other} in would change anything stored. */
    public boolean sameAs(DetectionRecord other) {
        return equals(other.withTimes(receivedAt, updatedAt));
    }

    private DetectionRecord withTimes(Instant received, Instant updated) {
        return new DetectionRecord(detectionId, incidentId, ruleId, ruleTitle, ruleKind, ruleLevel, severity, threat,
                segment, host, user, sourceIp, assetId, assetName, summary, count, firstSeen, lastSeen, controls,
                severityReasons, attackTags, samples, received, updated);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
