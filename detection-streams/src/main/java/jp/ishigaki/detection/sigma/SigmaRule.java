package jp.ishigaki.detection.sigma;

import jp.ishigaki.schemas.policy.Severity;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled single-event Sigma rule. {@code entity} lists the fields that name the grouping entity of its
 * detections (Ishigaki extension key {@code entity}; default host, observer, user, source address);
 * {@code fields} are the event fields its detection reads; {@code origin} is "file:line".
 */
public record SigmaRule(
        String id,
        String name,
        String title,
        String status,
        String description,
        Severity level,
        RuleTags tags,
        LogSource logsource,
        List<String> entity,
        EventMatch detection,
        Set<String> fields,
        String origin) implements Rule {

    public static final List<String> DEFAULT_ENTITY = List.of("host.name", "observer.name", "user.name", "source.ip");

    public SigmaRule {
        entity = List.copyOf(entity);
        fields = Set.copyOf(fields);
    }

    /** Logsource (beyond product) and detection; the product is checked by {@link RuleSet}'s index. */
    boolean matchesIndexed(Map<String, Object> event) {
        return logsource.matchesBeyondProduct(event) && detection.test(event);
    }

    public boolean matches(Map<String, Object> event) {
        return logsource.matches(event) && detection.test(event);
    }

    @Override
    public String kind() {
        return "single";
    }
}
