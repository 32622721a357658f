package jp.ishigaki.detection.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Sigma condition grammar: {@code and}, {@code or}, {@code not}, parentheses, selection names, and the
 * quantifiers {@code 1 of sel_*}, {@code N of sel_*}, {@code all of sel_*}, {@code 1 of them}, {@code all of them}.
 * Precedence: not, then and, then or. Selections whose names start with {@code _} are left out of {@code them}.
 */
final class ConditionParser {

    private final List<String> tokens;
    private final Map<String, EventMatch> selections;
    private final Function<String, RuntimeException> errors;
    private int pos;

    private ConditionParser(String condition, Map<String, EventMatch> selections,
            Function<String, RuntimeException> errors) {
        this.tokens = tokenize(condition);
        this.selections = selections;
        this.errors = errors;
    }

    static EventMatch parse(String condition, Map<String, EventMatch> selections,
            Function<String, RuntimeException> errors) {
        ConditionParser parser = new ConditionParser(condition, selections, errors);
        if (parser.tokens.isEmpty()) {
            throw errors.apply("condition is empty");
        }
        EventMatch match = parser.or();
        if (parser.pos < parser.tokens.size()) {
            throw errors.apply("unexpected '" + parser.tokens.get(parser.pos) + "' in condition '" + condition + "'");
        }
        return match;
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                if (c != ' ' && !Character.isWhitespace(c)) {
                    out.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw errors.apply("condition ends unexpectedly");
        }
        return tokens.get(pos++);
    }

    private EventMatch or() {
        List<EventMatch> parts = new ArrayList<>();
        parts.add(and());
        while ("or".equalsIgnoreCase(peek())) {
            pos++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : anyOf(parts);
    }

    private EventMatch and() {
        List<EventMatch> parts = new ArrayList<>();
        parts.add(not());
        while ("and".equalsIgnoreCase(peek())) {
            pos++;
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : allOf(parts);
    }

    private EventMatch not() {
        if ("not".equalsIgnoreCase(peek())) {
            pos++;
            EventMatch inner = not();
            return event -> !inner.test(event);
        }
        return primary();
    }

    private EventMatch primary() {
        String token = next();
        if (token.equals("(")) {
            EventMatch inner = or();
            if (!")".equals(next())) {
                throw errors.apply("missing ')' in condition");
            }
            return inner;
        }
        if (token.equals(")")) {
            throw errors.apply("unexpected ')' in condition");
        }
        if ("of".equalsIgnoreCase(peek())) {
            pos++;
            return quantified(token, next());
        }
        if (isKeyword(token)) {
            throw errors.apply("unexpected '" + token + "' in condition");
        }
        EventMatch selection = selections.get(token);
        if (selection == null) {
            throw errors.apply("condition names unknown selection '" + token + "'");
        }
        return selection;
    }

    private static boolean isKeyword(String token) {
        return token.equalsIgnoreCase("and") || token.equalsIgnoreCase("or") || token.equalsIgnoreCase("not")
                || token.equalsIgnoreCase("of");
    }

    private EventMatch quantified(String quantifier, String target) {
        List<EventMatch> chosen = new ArrayList<>();
        if (target.equalsIgnoreCase("them")) {
            selections.forEach((name, match) -> {
                if (!name.startsWith("_")) {
                    chosen.add(match);
                }
            });
        } else {
            Pattern pattern = Pattern.compile(target.replace("*", ".*").replace("?", "."));
            selections.forEach((name, match) -> {
                if (pattern.matcher(name).matches()) {
                    chosen.add(match);
                }
            });
        }
        if (chosen.isEmpty()) {
            throw errors.apply("'" + quantifier + " of " + target + "' matches no selection");
        }
        if (quantifier.equalsIgnoreCase("all")) {
            return allOf(chosen);
        }
        int n;
        try {
            n = Integer.parseInt(quantifier);
        } catch (NumberFormatException e) {
            throw errors.apply("quantifier '" + quantifier + "' must be a number or 'all'");
        }
        if (n < 1) {
            throw errors.apply("quantifier must be at least 1");
        }
        if (n == 1) {
            return anyOf(chosen);
        }
        EventMatch[] parts = chosen.toArray(EventMatch[]::new);
        return event -> {
            int hits = 0;
            for (EventMatch part : parts) {
                if (part.test(event) && ++hits >= n) {
                    return true;
                }
            }
            return false;
        };
    }

    static EventMatch anyOf(List<EventMatch> parts) {
        return Keyed.of(anyOfUnkeyed(parts), Keyed.union(parts));
    }

    private static EventMatch anyOfUnkeyed(List<EventMatch> parts) {
        EventMatch[] array = parts.toArray(EventMatch[]::new);
        if (array.length == 2) {
            EventMatch a = array[0];
            EventMatch b = array[1];
            return event -> a.test(event) || b.test(event);
        }
        return event -> {
            for (EventMatch part : array) {
                if (part.test(event)) {
                    return true;
                }
            }
            return false;
        };
    }

    static EventMatch allOf(List<EventMatch> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return Keyed.of(allOfUnkeyed(parts), Keyed.intersection(parts));
    }

    private static EventMatch allOfUnkeyed(List<EventMatch> parts) {
        EventMatch[] array = parts.toArray(EventMatch[]::new);
        if (array.length == 2) {
            EventMatch a = array[0];
            EventMatch b = array[1];
            return event -> a.test(event) && b.test(event);
        }
        return event -> {
            for (EventMatch part : array) {
                if (!part.test(event)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Keeps insertion order of selections for {@code them}. */
    static Map<String, EventMatch> ordered() {
        return new LinkedHashMap<>();
    }
}
