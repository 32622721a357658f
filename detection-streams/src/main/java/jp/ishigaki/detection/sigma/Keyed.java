package jp.ishigaki.detection.sigma;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A combined test (AND / OR of selections) that carries what its parts require, for {@link RuleIndex}. */
record Keyed(EventMatch match, Map<String, Set<String>> requiredValues) implements EventMatch {

    static EventMatch of(EventMatch match, Map<String, Set<String>> required) {
        return required.isEmpty() ? match : new Keyed(match, Map.copyOf(required));
    }

    @Override
    public boolean test(Map<String, Object> event) {
        return match.test(event);
    }

    /** AND: every part's requirement holds; two on one field leave the values both allow. */
    static Map<String, Set<String>> intersection(List<EventMatch> parts) {
        Map<String, Set<String>> out = new HashMap<>();
        for (EventMatch part : parts) {
            part.requiredValues().forEach((field, values) -> out.merge(field, Set.copyOf(values), (a, b) -> {
                Set<String> both = new HashSet<>(a);
                both.retainAll(b);
                return Set.copyOf(both);
            }));
        }
        return out;
    }

    /** OR: only fields every alternative requires, with the values any of them allows. */
    static Map<String, Set<String>> union(List<EventMatch> parts) {
        Map<String, Set<String>> out = null;
        for (EventMatch part : parts) {
            Map<String, Set<String>> required = part.requiredValues();
            if (out == null) {
                out = new HashMap<>(required);
                continue;
            }
            out.keySet().retainAll(required.keySet());
            for (Map.Entry<String, Set<String>> entry : out.entrySet()) {
                Set<String> any = new HashSet<>(entry.getValue());
                any.addAll(required.get(entry.getKey()));
                entry.setValue(Set.copyOf(any));
            }
        }
        return out == null ? Map.of() : out;
    }
}
