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
        List<Map<String, Object>> samples = hit.samples();
        return new Detection(DetectionIds.of(dedupKey, openingEventId), dedupKey, rule.id(), rule.title(), rule.kind(),
                rule.level(), assessment.severity(), assessment.reasons(), rule.threat(), rule.controls(),
                rule.attackTags(), hit.segment(), hit.host(), hit.user(), hit.sourceIp(), hit.asset(), summary, count,
                firstSeen, hit.lastSeen(), ids, samples);
    }

    /** The detection with a hit's events folded in, {@code fresh} of them not counted before (the rest replays). */
    public static Detection absorb(Detection d, RuleHit hit, long fresh) {
        List<String> ids = d.eventIds();
        for (String id : hit.eventIds()) {
            if (ids.size() < MAX_EVENT_IDS && !ids.contains(id)) {
                ids = ids == d.eventIds() ? new ArrayList<>(ids) : ids;
                ids.add(id);
            }
        }
        List<Map<String, Object>> samples = d.samples();
        for (Map<String, Object> sample : hit.samples()) {
            if (samples.size() < MAX_SAMPLES) {
                samples = samples == d.samples() ? new ArrayList<>(samples) : samples;
                samples.add(sample);
            }
        }
        Instant first = hit.firstSeen().isBefore(d.firstSeen()) ? hit.firstSeen() : d.firstSeen();
        Instant last = hit.lastSeen().isAfter(d.lastSeen()) ? hit.lastSeen() : d.lastSeen();
        return progressed(d, d.count() + fresh, first, last, ids, samples);
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
