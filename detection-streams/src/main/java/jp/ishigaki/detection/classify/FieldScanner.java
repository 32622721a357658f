package jp.ishigaki.detection.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the selected fields of a nested JSON event straight from its UTF-8 bytes, for the fast path of
 * {@link FlatEvents}: names are matched as bytes against the {@link FieldSelection} tree, and only selected values
 * become Java objects. Everything else is checked, not built.
 * <p>
 * It accepts a strict subset of what the contract parser (Jackson, default settings) accepts and reads the same
 * values from it: strings, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, booleans and lists of
 * those. Whatever lies outside that subset — a null member, an escaped or empty or repeated name, an object of more
 * than {@value #MAX_MEMBERS} members, deep nesting, UTF-8 that is not well formed, trailing content, a selected list
 * holding objects or nulls — is {@link #FULL}: the caller asks the contract parser. A dotted name is {@link #DOTTED}.
 */
final class FieldScanner extends JsonCursor {

    /** Verdicts: the record needs the contract parser, or it has a dotted name. */
    static final int FULL = -1;
    static final int DOTTED = -2;
    /** Members per object the scanner reads, which keeps the repeated-name check cheap. */
    static final int MAX_MEMBERS = 64;
    /** Longer names are left to the contract parser (Jackson limits their length, and fails on more). */
    private static final int MAX_NAME_BYTES = 1_024;

    private final Map<String, Object> out;
    /** The names of the objects being read, innermost last: start, end and hash of each. */
    private int[] names = new int[3 * 32];
    private int namesTop;

    private FieldScanner(byte[] in, Map<String, Object> out) {
        super(in);
        this.out = out;
    }

    /**
     * Reads the object that {@code json} holds (its first byte is {@code '{'}) into {@code out}: the number of its
     * members, {@link #FULL} or {@link #DOTTED}.
     */
    static int read(byte[] json, FieldSelection.Node root, Map<String, Object> out) {
        FieldScanner scanner = new FieldScanner(json, out);
        try {
            int members = scanner.object(root, 0);
            if (members >= 0) {
                scanner.whitespace();
                if (scanner.pos != json.length) {
                    return FULL;
                }
            }
            return members;
        } catch (RuntimeException truncated) {
            // Reading past the end (a truncated record) or anything unexpected: the contract parser decides.
            return FULL;
        }
    }

    /** An object at {@code pos}; its selected members go to {@code out}. */
    private int object(FieldSelection.Node node, int depth) {
        if (depth == MAX_DEPTH) {
            return FULL;
        }
        pos++;
        whitespace();
        if (in[pos] == '}') {
            pos++;
            return 0;
        }
        int base = namesTop;
        int members = 0;
        long seen = 0; // one bit per name hash modulo 64: most names need no comparison with the others
        while (true) {
            if (in[pos] != '"' || members == MAX_MEMBERS) {
                return FULL;
            }
            int start = ++pos;
            int hash = 0;
            boolean dotted = false;
            byte b;
            int at = start;
            while ((b = in[at]) != '"') {
                if (b == '\\' || b >= 0 && b < 0x20) {
                    return FULL;
                }
                if (b < 0) {
                    int next = utf8(at);
                    if (next < 0) {
                        return FULL;
                    }
                    for (; at < next; at++) {
                        hash = 31 * hash + in[at];
                    }
                    continue;
                }
                dotted |= b == '.';
                hash = 31 * hash + b;
                at++;
            }
            int end = at;
            pos = at + 1;
            boolean maybeRepeated = (seen & 1L << hash) != 0;
            if (end == start || end - start > MAX_NAME_BYTES || maybeRepeated && repeated(base, start, end, hash)) {
                return FULL;
            }
            seen |= 1L << hash;
            if (dotted) {
                return DOTTED;
            }
            push(start, end, hash);
            members++;
            whitespace();
            if (in[pos++] != ':') {
                return FULL;
            }
            whitespace();
            FieldSelection.Node child = node == null ? null : node.child(in, start, end, hash);
            String path = child == null ? null : child.path();
            byte first = in[pos];
            if (first == '{') {
                int inner = object(child, depth + 1);
                if (inner < 0) {
                    return inner;
                }
                if (inner == 0 && path != null && out.putIfAbsent(path, new LinkedHashMap<String, Object>()) != null) {
                    return FULL;
                }
            } else if (first == 'n') {
                return FULL;
            } else if (path == null) {
                if (!skip(depth + 1)) {
                    return FULL;
                }
            } else {
                Object value = value(depth + 1);
                if (value == null || out.putIfAbsent(path, value) != null) {
                    return FULL;
                }
            }
            whitespace();
            b = in[pos++];
            if (b == '}') {
                namesTop = base;
                return members;
            }
            if (b != ',') {
                return FULL;
            }
            whitespace();
        }
    }

    private boolean repeated(int base, int start, int end, int hash) {
        for (int i = base; i < namesTop; i += 3) {
            if (names[i + 2] == hash && Arrays.equals(in, names[i], names[i + 1], in, start, end)) {
                return true;
            }
        }
        return false;
    }

    private void push(int start, int end, int hash) {
        if (namesTop + 3 > names.length) {
            names = Arrays.copyOf(names, names.length * 2);
        }
        names[namesTop++] = start;
        names[namesTop++] = end;
        names[namesTop++] = hash;
    }

    /** A selected value other than an object or null: a string, number, boolean or list of them; null if not. */
    private Object value(int depth) {
        byte b = in[pos];
        if (b == '"') {
            return string();
        }
        if (b == 't' || b == 'f') {
            return bool();
        }
        if (b == '[') {
            return depth == MAX_DEPTH ? null : list(depth);
        }
        return number();
    }

    private List<Object> list(int depth) {
        pos++;
        whitespace();
        List<Object> list = new ArrayList<>();
        if (in[pos] == ']') {
            pos++;
            return list;
        }
        while (true) {
            byte b = in[pos];
            Object element = b == '{' || b == 'n' ? null : value(depth + 1);
            if (element == null) {
                return null;
            }
            list.add(element);
            whitespace();
            b = in[pos++];
            if (b == ']') {
                return list;
            }
            if (b != ',') {
                return null;
            }
            whitespace();
        }
    }
}
