package jp.ishigaki.detection.sigma;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One {@code field|modifiers: values} line of a selection. A list value in the event matches when any element
 * matches; several rule values are alternatives unless {@code |all} asks for every one.
 */
record FieldTest(String field, List<ValueMatcher> matchers, boolean all, boolean matchesAbsent, Boolean exists)
        implements EventMatch {

    @Override
    public boolean test(Map<String, Object> event) {
        Object value = event.get(field);
        if (exists != null) {
            return (value != null) == exists;
        }
        if (value == null) {
            return matchesAbsent;
        }
        if (all) {
            for (ValueMatcher matcher : matchers) {
                if (!anyElement(matcher, value)) {
                    return false;
                }
            }
            return true;
        }
        for (ValueMatcher matcher : matchers) {
            if (anyElement(matcher, value)) {
                return true;
            }
        }
        return false;
    }

    /** The values of an equality-only test (none when it can match an absent field or compares otherwise). */
    @Override
    public Map<String, Set<String>> requiredValues() {
        if (exists != null || matchesAbsent || matchers.isEmpty()) {
            return Map.of();
        }
        Set<String> values = new HashSet<>();
        for (ValueMatcher matcher : matchers) {
            if (!(matcher instanceof ValueMatcher.Equals equals) || !RuleIndex.ascii(equals.expected())) {
                return Map.of();
            }
            values.add(equals.expected().toLowerCase(Locale.ROOT));
        }
        return Map.of(field, Set.copyOf(values));
    }

    private static boolean anyElement(ValueMatcher matcher, Object value) {
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element != null && matcher.test(element)) {
                    return true;
                }
            }
            return false;
        }
        return matcher.test(value);
    }
}
