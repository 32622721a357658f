package jp.ishigaki.schemas.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ECS document in canonical nested form. Producers may write keys nested ({@code {"event":{"id":"x"}}}) or
 * dotted ({@code {"event.id":"x"}}); both become the same document. Unknown fields are kept as they are.
 */
public final class EcsDocument {

    private final Map<String, Object> root;

    private EcsDocument(Map<String, Object> root) {
        this.root = root;
    }

    /**
     * Canonicalises a parsed JSON object: dotted keys are expanded into nested objects and merged.
     *
     * @throws ConflictingFieldException when nested and dotted keys give two different values for one field
     */
    public static EcsDocument of(Map<String, ?> json) {
        return new EcsDocument(expand(json, ""));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expand(Map<String, ?> json, String prefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : json.entrySet()) {
            String[] parts = splitKey(entry.getKey());
            Map<String, Object> parent = out;
            StringBuilder path = new StringBuilder(prefix);
            for (int i = 0; i < parts.length - 1; i++) {
                path.append(parts[i]).append('.');
                Object existing = parent.get(parts[i]);
                if (existing == null) {
                    Map<String, Object> child = new LinkedHashMap<>();
                    parent.put(parts[i], child);
                    parent = child;
                } else if (existing instanceof Map<?, ?> map) {
                    parent = (Map<String, Object>) map;
                } else {
                    throw new ConflictingFieldException(path.substring(0, path.length() - 1));
                }
            }
            String leaf = parts[parts.length - 1];
            String leafPath = path + leaf;
            Object value = entry.getValue() instanceof Map<?, ?> nested
                    ? expand((Map<String, ?>) nested, leafPath + ".")
                    : entry.getValue();
            Object existing = parent.get(leaf);
            if (existing == null) {
                parent.put(leaf, value);
            } else if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
                parent.put(leaf, merge((Map<String, Object>) a, (Map<String, Object>) b, leafPath));
            } else if (!existing.equals(value)) {
                throw new ConflictingFieldException(leafPath);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b, String path) {
        for (Map.Entry<String, Object> entry : b.entrySet()) {
            Object existing = a.get(entry.getKey());
            String childPath = path + "." + entry.getKey();
            if (existing == null) {
                a.put(entry.getKey(), entry.getValue());
            } else if (existing instanceof Map<?, ?> x && entry.getValue() instanceof Map<?, ?> y) {
                merge((Map<String, Object>) x, (Map<String, Object>) y, childPath);
            } else if (!existing.equals(entry.getValue())) {
                throw new ConflictingFieldException(childPath);
            }
        }
        return a;
    }

    private static String[] splitKey(String key) {
        // "@timestamp" and keys without dots stay whole; empty segments ("a..b") are kept literally.
        if (key.indexOf('.') < 0 || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
            return new String[] {key};
        }
        return key.split("\\.");
    }

    /** The value at a dotted ECS path, or {@code null}. */
    public Object get(String path) {
        Object current = root;
        int start = 0;
        while (current instanceof Map<?, ?> map) {
            int dot = path.indexOf('.', start);
            String part = dot < 0 ? path.substring(start) : path.substring(start, dot);
            current = map.get(part);
            if (dot < 0) {
                return current;
            }
            start = dot + 1;
        }
        return null;
    }

    /** The value at a path as text (numbers and booleans are rendered), or {@code null} when absent or structured. */
    public String text(String path) {
        Object value = get(path);
        return value == null || value instanceof Map || value instanceof List ? null : value.toString();
    }

    /** The nested document, read-only. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(root);
    }

    /** Every leaf under its dotted path; arrays stay arrays. */
    public Map<String, Object> flatten() {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten(root, "", flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(Map<String, Object> map, String prefix, Map<String, Object> out) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> nested && !nested.isEmpty()) {
                flatten((Map<String, Object>) nested, key + ".", out);
            } else {
                out.put(key, entry.getValue() instanceof List<?> list ? new ArrayList<>(list) : entry.getValue());
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcsDocument other && root.equals(other.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return root.toString();
    }

    /** Nested and dotted keys disagree about one field. */
    public static final class ConflictingFieldException extends IllegalArgumentException {
        private final String field;

        public ConflictingFieldException(String field) {
            super("nested and dotted keys give different values for '" + field + "'");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
