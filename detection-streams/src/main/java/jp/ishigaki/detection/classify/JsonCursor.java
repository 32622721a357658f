package jp.ishigaki.detection.classify;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over the UTF-8 bytes of one JSON text, for {@link FieldScanner}: steps over values, checking them, and
 * reads strings and numbers as Jackson (default settings) would. It is strict where Jackson is, and stricter where
 * that keeps it simple (nesting deeper than {@value #MAX_DEPTH}, numbers longer than {@value #MAX_NUMBER_CHARS}
 * characters, UTF-8 that is not well formed): a step that fails answers false, null or -1, and the record goes to the
 * contract parser. Reading past the end throws {@link ArrayIndexOutOfBoundsException}.
 */
abstract class JsonCursor {

    static final int MAX_DEPTH = 32;
    private static final int MAX_NUMBER_CHARS = 64;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    final byte[] in;
    int pos;

    JsonCursor(byte[] in) {
        this.in = in;
    }

    /** A boolean at {@code pos}, or null when there is none. */
    final Boolean bool() {
        boolean value = in[pos] == 't';
        return literal(value ? TRUE : FALSE) ? Boolean.valueOf(value) : null;
    }

    /** Steps over any value that is not selected, checking it as Jackson would (nulls allowed inside lists). */
    final boolean skip(int depth) {
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


    private boolean literal(byte[] word) {
        int end = pos + word.length;
        if (end > in.length || !Arrays.equals(in, pos, end, word, 0, word.length)) {
            return false;
        }
        pos = end;
        return true;
    }

    /** The string at {@code pos} decoded, or null when it is not valid. */
    final String string() {
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
    final int utf8(int at) {
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
    final Object number() {
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

    final void whitespace() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }
}
