package jp.ishigaki.detection.sigma;

import jp.ishigaki.detection.net.Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One compiled Sigma value test against a single scalar event value. String tests are case-insensitive, as in
 * Sigma; {@code re} is case-sensitive unless the pattern says otherwise.
 */
@FunctionalInterface
interface ValueMatcher {

    boolean test(Object value);

    /** The text of a scalar value: numbers and booleans rendered; {@code null} for structured values. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return null;
    }

    /**
     * A value with Sigma wildcards ({@code *}, {@code ?}; {@code \\*}, {@code \\?} and {@code \\\\} are escapes, any
     * other backslash is literal), compiled to the cheapest test: equality, prefix, suffix, substring, or a
     * regular expression. {@code anyPrefix} / {@code anySuffix} add the wildcards of contains/startswith/endswith.
     */
    static ValueMatcher glob(String value, boolean anyPrefix, boolean anySuffix) {
        List<Object> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && "*?\\".indexOf(value.charAt(i + 1)) >= 0) {
                literal.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    tokens.add(literal.toString());
                    literal.setLength(0);
                }
                tokens.add(c);
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            tokens.add(literal.toString());
        }
        if (anyPrefix) {
            tokens.add(0, '*');
        }
        if (anySuffix) {
            tokens.add('*');
        }
        boolean leading = !tokens.isEmpty() && tokens.get(0).equals('*');
        boolean trailing = tokens.size() > 1 && tokens.get(tokens.size() - 1).equals('*');
        List<Object> inner = tokens.subList(leading ? 1 : 0, tokens.size() - (trailing ? 1 : 0));
        if (inner.size() <= 1 && (inner.isEmpty() || inner.get(0) instanceof String)) {
            String text = inner.isEmpty() ? "" : (String) inner.get(0);
            if (leading && trailing) {
                return contains(text);
            }
            if (leading) {
                return endsWith(text);
            }
            if (trailing) {
                return startsWith(text);
            }
            return equalsIgnoreCase(text);
        }
        StringBuilder regex = new StringBuilder("^");
        for (Object token : tokens) {
            if (token instanceof String text) {
                regex.append(Pattern.quote(text));
            } else {
                regex.append(token.equals('*') ? ".*" : ".");
            }
        }
        return regex(regex.append('$').toString(), true);
    }

    static ValueMatcher equalsIgnoreCase(String expected) {
        return new Equals(expected);
    }

    /** Case-insensitive equality; rules whose fields use only this can be indexed on the value. */
    record Equals(String expected) implements ValueMatcher {
        @Override
        public boolean test(Object value) {
            String s = text(value);
            return s != null && s.equalsIgnoreCase(expected);
        }
    }

    static ValueMatcher startsWith(String prefix) {
        return value -> {
            String s = text(value);
            return s != null && s.regionMatches(true, 0, prefix, 0, prefix.length());
        };
    }

    static ValueMatcher endsWith(String suffix) {
        return value -> {
            String s = text(value);
            return s != null && s.length() >= suffix.length()
                    && s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
        };
    }

    static ValueMatcher contains(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        String upper = part.toUpperCase(Locale.ROOT);
        int n = part.length();
        return value -> {
            String s = text(value);
            if (s == null) {
                return false;
            }
            if (n == 0) {
                return true;
            }
            char l0 = lower.charAt(0);
            char u0 = upper.charAt(0);
            for (int i = 0, last = s.length() - n; i <= last; i++) {
                char c = s.charAt(i);
                if ((c == l0 || c == u0 || Character.toLowerCase(c) == l0) && s.regionMatches(true, i, part, 0, n)) {
                    return true;
                }
            }
            return false;
        };
    }

    static ValueMatcher regex(String pattern, boolean ignoreCase) {
        Pattern compiled = Pattern.compile(pattern, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL : 0);
        return value -> {
            String s = text(value);
            return s != null && compiled.matcher(s).find();
        };
    }

    static ValueMatcher cidr(String network) {
        Cidr cidr = Cidr.parse(network);
        return value -> {
            String s = text(value);
            return s != null && cidr.contains(s);
        };
    }

    static ValueMatcher numeric(String op, double bound) {
        return value -> {
            double v;
            if (value instanceof Number n) {
                v = n.doubleValue();
            } else if (value instanceof String s) {
                try {
                    v = Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    return false;
                }
            } else {
                return false;
            }
            return switch (op) {
                case "gt" -> v > bound;
                case "gte" -> v >= bound;
                case "lt" -> v < bound;
                case "lte" -> v <= bound;
                default -> throw new IllegalStateException(op);
            };
        };
    }
}
