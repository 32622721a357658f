package jp.ishigaki.detection.detect;

import jp.ishigaki.detection.classify.SeverityPolicy;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Building a detection from its first hit, and folding later hits into it. */
public final class Detections {

    /** At most this many event ids and samples are kept on a detection. */
    public static final int MAX_EVENT_IDS = 10;
    public static final int MAX_SAMPLES = 3;

    private Detections() {
    }

    /** The policy facts of the rule behind a detection. */
    public record RuleFacts(String id, String title, Detection.RuleKind kind, Severity level, Threat threat,
            List<Control> controls, List<String> attackTags, boolean legalTrigger) {
    }

    public static Detection open(String dedupKey, String openingEventId, RuleFacts rule, RuleHit hit,
            SeverityPolicy policy, long count, Instant firstSeen, List<String> eventIds, String summary) {
        SeverityPolicy.Assessment assessment = policy.assess(rule.level(), rule.threat(), rule.legalTrigger(),
                hit.segment(), hit.asset(), hit.serverRoom());
        List<String> ids = eventIds.size() > MAX_EVENT_IDS ? eventIds.subList(0, MAX_EVENT_IDS) : eventIds;
        List<Map<String, Object>> samples = hit.sample() == null ? List.of() : List.of(hit.sample());
        return new Detection(DetectionIds.of(dedupKey, openingEventId), dedupKey, rule.id(), rule.title(), rule.kind(),
                rule.level(), assessment.severity(), assessment.reasons(), rule.threat(), rule.controls(),
                rule.attackTags(), hit.segment(), hit.host(), hit.user(), hit.sourceIp(), hit.asset(), summary, count,
                firstSeen, hit.timestamp(), ids, samples);
    }

    public static Detection absorb(Detection d, RuleHit hit) {
        List<String> ids = d.eventIds();
        if (ids.size() < MAX_EVENT_IDS && !ids.contains(hit.eventId())) {
            ids = new ArrayList<>(ids);
            ids.add(hit.eventId());
        }
        List<Map<String, Object>> samples = d.samples();
        if (samples.size() < MAX_SAMPLES && hit.sample() != null) {
            samples = new ArrayList<>(samples);
            samples.add(hit.sample());
        }
        Instant first = hit.timestamp().isBefore(d.firstSeen()) ? hit.timestamp() : d.firstSeen();
        Instant last = hit.timestamp().isAfter(d.lastSeen()) ? hit.timestamp() : d.lastSeen();
        return progressed(d, d.count() + 1, first, last, ids, samples);
    }

    /** The detection with this count (also in its summary), times, event ids and samples; the rest as it was. */
    static Detection progressed(Detection d, long count, Instant firstSeen, Instant lastSeen, List<String> eventIds,
            List<Map<String, Object>> samples) {
        return new Detection(d.id(), d.dedupKey(), d.ruleId(), d.ruleTitle(), d.ruleKind(), d.ruleLevel(), d.severity(),
                d.severityReasons(), d.threat(), d.controls(), d.attackTags(), d.segment(), d.host(), d.user(),
                d.sourceIp(), d.asset(), summaryWithCount(d.summary(), count), count, firstSeen, lastSeen, eventIds,
                samples);
    }

    static String summaryWithCount(String summary, long count) {
        int bracket = summary.lastIndexOf(" [×");
        String base = bracket < 0 ? summary : summary.substring(0, bracket);
        return count <= 1 ? base : base + " [×" + count + "]";
    }
}
