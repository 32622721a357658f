package jp.ishigaki.detection.sigma;

import java.util.Map;
import java.util.Set;

/** A compiled test on a flattened ECS event (dotted keys → values; arrays stay lists). */
@FunctionalInterface
public interface EventMatch {

    boolean test(Map<String, Object> event);

    /**
     * Fields this test can only pass on when the field's text (lower case) is one of the given values, for rule
     * indexing; empty when nothing is known. Values are ASCII; a test that compares otherwise reports nothing.
     */
    default Map<String, Set<String>> requiredValues() {
        return Map.of();
    }

    EventMatch ALWAYS = event -> true;
}
