package jp.ishigaki.detection.classify;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
final class FieldScanner {

    /** Verdicts: the record needs the contract parser, or it has a dotted name. */
    static final int FULL = -1;
    static final int DOTTED = -2;
    /** Members per object the scanner reads, which keeps the repeated-name check cheap. */
    static final int MAX_MEMBERS = 64;
    private static final int MAX_DEPTH = 32;
    /** Longer names and numbers are left to the contract parser (Jackson limits their length, and fails on more). */
    private static final int MAX_NAME_BYTES = 1_024;
    private static final int MAX_NUMBER_CHARS = 64;

    private final byte[] in;
    private final Map<String, Object> out;
    private int pos;
    /** The names of the objects being read, innermost last: start, end and hash of each. */
    private int[] names = new int[3 * 32];
    private int namesTop;

    private FieldScanner(byte[] in, Map<String, Object> out) {
        this.in = in;
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
            return literal(b == 't' ? TRUE : FALSE) ? Boolean.valueOf(b == 't') : null;
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

    /** Steps over any value that is not selected, checking it as Jackson would (nulls allowed inside lists). */
    private boolean skip(int depth) {
        if (depth == MAX_DEPTH) {
            return false;
        }
        byte b = in[pos];
        switch (b) {
            case '"' -> {
                return stringEnd() >= 0;
            }
            case 't' -> {
                return literal(TRUE);
            }
            case 'f' -> {
                return literal(FALSE);
            }
            case 'n' -> {
                return literal(NULL);
            }
            case '[' -> {
                return skipContainer(']', depth, false);
            }
            case '{' -> {
                return skipContainer('}', depth, true);
            }
            default -> {
                return numberEnd() >= 0;
            }
        }
    }

    private boolean skipContainer(char close, int depth, boolean members) {
        pos++;
        whitespace();
        if (in[pos] == close) {
            pos++;
            return true;
        }
        while (true) {
            if (members) {
                if (in[pos] != '"' || stringEnd() < 0) {
                    return false;
                }
                whitespace();
                if (in[pos++] != ':') {
                    return false;
                }
                whitespace();
            }
            if (!skip(depth + 1)) {
                return false;
            }
            whitespace();
            byte b = in[pos++];
            if (b == close) {
                return true;
            }
            if (b != ',') {
                return false;
            }
            whitespace();
        }
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private boolean literal(byte[] word) {
        int end = pos + word.length;
        if (end > in.length || !Arrays.equals(in, pos, end, word, 0, word.length)) {
            return false;
        }
        pos = end;
        return true;
    }

    /** The string at {@code pos} decoded, or null when it is not valid. */
    private String string() {
        int start = pos + 1;
        int escapes = stringEnd();
        if (escapes < 0) {
            return null;
        }
        int end = pos - 1;
        if (escapes == 0) {
            return new String(in, start, end - start, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(end - start);
        int from = start;
        for (int i = start; i < end; i++) {
            if (in[i] != '\\') {
                continue;
            }
            text.append(new String(in, from, i - from, StandardCharsets.UTF_8));
            byte e = in[++i];
            switch (e) {
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    text.append((char) Integer.parseInt(new String(in, i + 1, 4, StandardCharsets.ISO_8859_1), 16));
                    i += 4;
                }
                default -> text.append((char) e);
            }
            from = i + 1;
        }
        return text.append(new String(in, from, end - from, StandardCharsets.UTF_8)).toString();
    }

    /**
     * Steps over the string at {@code pos} (to after its closing quote): the number of escapes in it, or -1 when it
     * holds a control character, a bad escape or UTF-8 that is not well formed.
     */
    private int stringEnd() {
        byte[] in = this.in;
        int at = pos + 1;
        int escapes = 0;
        while (true) {
            byte b = in[at];
            if (b == '"') {
                pos = at + 1;
                return escapes;
            }
            if (b >= 0x20 && b != '\\') {
                at++;
            } else if (b == '\\') {
                byte e = in[at + 1];
                if (e == 'u') {
                    for (int i = at + 2; i < at + 6; i++) {
                        if (Character.digit(in[i], 16) < 0) {
                            return -1;
                        }
                    }
                    at += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                    at += 2;
                } else {
                    return -1;
                }
                escapes++;
            } else if (b < 0) {
                at = utf8(at);
                if (at < 0) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
    }

    /** The position after the well-formed UTF-8 sequence (RFC 3629) starting at {@code at}, or -1. */
    private int utf8(int at) {
        int lead = in[at] & 0xff;
        int count;
        int min = 0x80;
        int max = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            count = 1;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            count = 2;
            if (lead == 0xe0) {
                min = 0xa0;
            } else if (lead == 0xed) {
                max = 0x9f;
            }
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            count = 3;
            if (lead == 0xf0) {
                min = 0x90;
            } else if (lead == 0xf4) {
                max = 0x8f;
            }
        } else {
            return -1;
        }
        int second = in[at + 1] & 0xff;
        if (second < min || second > max) {
            return -1;
        }
        for (int i = at + 2; i <= at + count; i++) {
            if ((in[i] & 0xc0) != 0x80) {
                return -1;
            }
        }
        return at + count + 1;
    }

    /** The number at {@code pos} as Jackson reads it: the smallest integer type that holds it, else a double. */
    private Object number() {
        int start = pos;
        int kind = numberEnd();
        if (kind < 0) {
            return null;
        }
        int digits = pos - start - (in[start] == '-' ? 1 : 0);
        if (kind == 0 && digits <= 18) {
            long value = 0;
            for (int i = in[start] == '-' ? start + 1 : start; i < pos; i++) {
                value = value * 10 + (in[i] - '0');
            }
            value = in[start] == '-' ? -value : value;
            return value == (int) value ? (Object) Integer.valueOf((int) value) : (Object) Long.valueOf(value);
        }
        String text = new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
        if (kind == 1) {
            return Double.valueOf(text);
        }
        BigInteger big = new BigInteger(text);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    /** Steps over a JSON number: 0 for an integer, 1 for one with a fraction or exponent, -1 when it is not one. */
    private int numberEnd() {
        int start = pos;
        int kind = numberKind();
        return pos - start > MAX_NUMBER_CHARS ? -1 : kind;
    }

    private int numberKind() {
        if (in[pos] == '-') {
            pos++;
        }
        if (in[pos] == '0') {
            pos++;
        } else if (digits() == 0) {
            return -1;
        }
        int kind = 0;
        if (in[pos] == '.') {
            pos++;
            if (digits() == 0) {
                return -1;
            }
            kind = 1;
        }
        if (in[pos] == 'e' || in[pos] == 'E') {
            pos++;
            if (in[pos] == '+' || in[pos] == '-') {
                pos++;
            }
            if (digits() == 0) {
                return -1;
            }
            kind = 1;
        }
        return kind;
    }

    private int digits() {
        int start = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        return pos - start;
    }

    private void whitespace() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }
}
