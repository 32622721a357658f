package jp.ishigaki.detection.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns rule files into a {@link RuleSet}, rejecting bad files one by one: a file with a syntax or semantic problem,
 * a duplicate id within the same origin, or a correlation referencing an unknown rule is left out with its reason,
 * and every other file is used. Files of a later origin (the operator's directory) override rules of an earlier
 * origin (the built-in set) with the same id.
 */
public final class RuleLoader {

    private RuleLoader() {
    }

    /** One rule file: its display name, its text, and its origin ("builtin" or "directory"). */
    public record RuleFile(String name, String text, String origin) {
    }

    /** A file that was left out, and why. */
    public record Rejection(String file, int line, String problem, String message) {
        static Rejection of(RuleException e) {
            return new Rejection(e.file(), e.line(), e.problem(), e.getMessage());
        }
    }

    /** The outcome of a load: the rule set, the rejected files, and which file each rule came from. */
    public record Result(RuleSet ruleSet, List<Rejection> rejected, Map<String, String> ruleOrigins) {
    }

    public static Result load(List<RuleFile> files) {
        List<Rejection> rejected = new ArrayList<>();
        Map<String, List<Rule>> byFile = new LinkedHashMap<>();
        Map<String, String> originOfFile = new LinkedHashMap<>();
        for (RuleFile file : files) {
            try {
                byFile.put(file.name(), SigmaParser.parse(file.name(), file.text()));
                originOfFile.put(file.name(), file.origin());
            } catch (RuleException e) {
                rejected.add(Rejection.of(e));
            }
        }
        Map<String, Rule> rules = new LinkedHashMap<>();
        Map<String, String> fileOfRule = new LinkedHashMap<>();
        for (Map.Entry<String, List<Rule>> entry : new ArrayList<>(byFile.entrySet())) {
            String file = entry.getKey();
            RuleException duplicate = duplicate(file, entry.getValue(), rules, fileOfRule, originOfFile);
            if (duplicate != null) {
                rejected.add(Rejection.of(duplicate));
                byFile.remove(file);
                continue;
            }
            for (Rule rule : entry.getValue()) {
                String previous = fileOfRule.get(rule.id());
                if (previous != null) {
                    byFile.get(previous).removeIf(r -> r.id().equals(rule.id()));
                }
                rules.put(rule.id(), rule);
                fileOfRule.put(rule.id(), file);
            }
        }
        while (true) {
            List<SigmaRule> singles = new ArrayList<>();
            List<CorrelationRule> correlations = new ArrayList<>();
            byFile.values().forEach(list -> list.forEach(rule -> {
                if (rule instanceof SigmaRule s) {
                    singles.add(s);
                } else if (rule instanceof CorrelationRule c) {
                    correlations.add(c);
                }
            }));
            RuleException broken = brokenReference(singles, correlations);
            if (broken == null) {
                Map<String, String> origins = new LinkedHashMap<>();
                byFile.forEach((file, list) -> list.forEach(rule -> origins.put(rule.id(), rule.origin())));
                return new Result(RuleSet.of(singles, correlations), List.copyOf(rejected), origins);
            }
            rejected.add(Rejection.of(broken));
            byFile.remove(broken.file());
        }
    }

    private static RuleException duplicate(String file, List<Rule> fileRules, Map<String, Rule> rules,
            Map<String, String> fileOfRule, Map<String, String> originOfFile) {
        List<String> seen = new ArrayList<>();
        for (Rule rule : fileRules) {
            if (seen.contains(rule.id())) {
                return new RuleException(file, line(rule), "rule id '" + rule.id() + "' appears twice in this file");
            }
            seen.add(rule.id());
            String previous = fileOfRule.get(rule.id());
            if (previous != null && originOfFile.get(previous).equals(originOfFile.get(file))) {
                return new RuleException(file, line(rule), "rule id '" + rule.id() + "' is already defined in "
                        + rules.get(rule.id()).origin());
            }
        }
        return null;
    }

    private static RuleException brokenReference(List<SigmaRule> singles, List<CorrelationRule> correlations) {
        List<Rule> all = new ArrayList<>(singles);
        all.addAll(correlations);
        for (CorrelationRule correlation : correlations) {
            for (String ref : correlation.rules()) {
                boolean found = all.stream().anyMatch(r -> r != correlation && (ref.equals(r.id()) || ref.equals(r.name())));
                if (!found) {
                    String file = correlation.origin().substring(0, correlation.origin().lastIndexOf(':'));
                    return new RuleException(file, line(correlation), "correlation '" + correlation.id()
                            + "' references unknown rule '" + ref + "'");
                }
            }
        }
        return null;
    }

    private static int line(Rule rule) {
        String origin = rule.origin();
        return Integer.parseInt(origin.substring(origin.lastIndexOf(':') + 1));
    }
}
