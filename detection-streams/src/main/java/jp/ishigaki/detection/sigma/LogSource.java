package jp.ishigaki.detection.sigma;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule's {@code logsource}, mapped onto ECS: {@code product} → {@code observer.type}, {@code service} →
 * {@code event.dataset} or {@code event.provider}, {@code category} → {@code event.category} (any element).
 * All comparisons ignore case; an absent key matches anything. Rules are indexed by product.
 */
public record LogSource(String product, String service, String category) {

    public static final LogSource ANY = new LogSource(null, null, null);
    /** The event fields a logsource reads. */
    public static final Set<String> FIELDS = Set.of("observer.type", "event.dataset", "event.provider", "event.category");

    /** The service/category part; the product is checked by the index. */
    boolean matchesBeyondProduct(Map<String, Object> event) {
        if (service != null && !equalsText(event.get("event.dataset"), service)
                && !equalsText(event.get("event.provider"), service)) {
            return false;
        }
        return category == null || equalsText(event.get("event.category"), category);
    }

    public boolean matches(Map<String, Object> event) {
        return (product == null || equalsText(event.get("observer.type"), product)) && matchesBeyondProduct(event);
    }

    private static boolean equalsText(Object value, String expected) {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s && s.equalsIgnoreCase(expected)) {
                    return true;
                }
            }
            return false;
        }
        return value instanceof String s && s.equalsIgnoreCase(expected);
    }
}
