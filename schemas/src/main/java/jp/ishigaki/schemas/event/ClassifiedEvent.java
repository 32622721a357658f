package jp.ishigaki.schemas.event;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A normalised raw event with what the rules found in it: the value of {@code security.events.classified}. */
public record ClassifiedEvent(
        String eventId,
        Instant timestamp,
        String host,
        Threat threat,
        List<Control> controls,
        Segment segment,
        Severity severity,
        List<String> severityReasons,
        List<String> ruleIds,
        Asset asset,
        Map<String, Object> event) {

    public ClassifiedEvent {
        controls = controls == null ? List.of() : List.copyOf(controls);
        severityReasons = severityReasons == null ? List.of() : List.copyOf(severityReasons);
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
    }
}
