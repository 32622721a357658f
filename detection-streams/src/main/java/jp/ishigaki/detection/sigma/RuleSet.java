package jp.ishigaki.detection.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, compiled set of rules. Single rules are indexed by logsource product ({@code observer.type}), so
 * each event is tested only against the rules of its own product plus the product-less ones, and within a product
 * by {@code event.code} / {@code event.action} ({@link RuleIndex}). Correlation rules are
 * indexed by the rules they reference. Correlations must reference rules (or other correlations) by id or name.
 */
public final class RuleSet {

    private static final SigmaRule[] NONE = new SigmaRule[0];

    private final List<SigmaRule> rules;
    private final List<CorrelationRule> correlations;
    private final Map<String, RuleIndex> byProduct;
    private final RuleIndex anyProduct;
    private final Map<String, List<CorrelationRule>> correlationsByRef;
    private final Set<String> silenced;
    private final Map<String, Rule> byId;
    private final Set<String> fields;

    private RuleSet(List<SigmaRule> rules, List<CorrelationRule> correlations) {
        this.rules = List.copyOf(rules);
        this.correlations = List.copyOf(correlations);
        Map<String, List<SigmaRule>> index = new HashMap<>();
        List<SigmaRule> any = new ArrayList<>();
        Map<String, Rule> ids = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (SigmaRule rule : rules) {
            ids.put(rule.id(), rule);
            if (rule.name() != null) {
                names.put(rule.name(), rule.id());
            }
            if (rule.tags().threat() == null && !rule.tags().discard()) {
                continue;
            }
            if (rule.logsource().product() == null) {
                any.add(rule);
            } else {
                index.computeIfAbsent(rule.logsource().product().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(rule);
            }
        }
        for (CorrelationRule correlation : correlations) {
            ids.put(correlation.id(), correlation);
            if (correlation.name() != null) {
                names.put(correlation.name(), correlation.id());
            }
        }
        this.byId = Map.copyOf(ids);
        this.anyProduct = new RuleIndex(any.toArray(NONE));
        Map<String, RuleIndex> built = new HashMap<>();
        index.forEach((product, list) -> {
            List<SigmaRule> all = new ArrayList<>(list);
            all.addAll(any);
            built.put(product, new RuleIndex(all.toArray(NONE)));
        });
        this.byProduct = Map.copyOf(built);
        Map<String, List<CorrelationRule>> refs = new HashMap<>();
        Set<String> silent = new HashSet<>();
        for (CorrelationRule correlation : correlations) {
            for (String ref : correlation.rules()) {
                String id = ids.containsKey(ref) ? ref : names.get(ref);
                if (id == null) {
                    throw new IllegalArgumentException("correlation '" + correlation.id() + "' references unknown rule '" + ref + "'");
                }
                refs.computeIfAbsent(id, k -> new ArrayList<>()).add(correlation);
                if (!correlation.generate()) {
                    silent.add(id);
                }
            }
        }
        Map<String, List<CorrelationRule>> frozen = new HashMap<>();
        refs.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.correlationsByRef = Map.copyOf(frozen);
        this.silenced = Set.copyOf(silent);
        this.fields = fields(rules, correlations);
    }

    private static Set<String> fields(List<SigmaRule> rules, List<CorrelationRule> correlations) {
        Set<String> fields = new HashSet<>(LogSource.FIELDS);
        for (SigmaRule rule : rules) {
            fields.addAll(rule.fields());
            fields.addAll(rule.entity());
        }
        for (CorrelationRule correlation : correlations) {
            fields.addAll(correlation.groupBy());
            if (correlation.valueField() != null) {
                fields.add(correlation.valueField());
            }
        }
        return Set.copyOf(fields);
    }

    /** Builds a set; throws {@link IllegalArgumentException} when a correlation references an unknown rule. */
    public static RuleSet of(List<SigmaRule> rules, List<CorrelationRule> correlations) {
        return new RuleSet(rules, correlations);
    }

    public static RuleSet empty() {
        return new RuleSet(List.of(), List.of());
    }

    /** The single rules that match the flattened event, in load order. */
    public List<SigmaRule> match(Map<String, Object> event) {
        return candidates(event).match(event);
    }

    /** The rules that could match this event: those of its product ({@code observer.type}) and those of any. */
    public RuleIndex candidates(Map<String, Object> event) {
        Object type = event.get("observer.type");
        return type instanceof String s ? byProduct.getOrDefault(s.toLowerCase(Locale.ROOT), anyProduct) : anyProduct;
    }

    /** Correlation rules that reference the rule (or correlation) with this id. */
    public List<CorrelationRule> correlationsOf(String ruleId) {
        return correlationsByRef.getOrDefault(ruleId, List.of());
    }

    /** False when a correlation with {@code generate: false} consumes this rule's hits. */
    public boolean generatesDetections(String ruleId) {
        return !silenced.contains(ruleId);
    }

    /** True when the id or name names this rule (correlations may reference either). */
    public boolean refersTo(String reference, Rule rule) {
        return reference.equals(rule.id()) || reference.equals(rule.name());
    }

    public Rule byId(String id) {
        return byId.get(id);
    }

    /** Every event field the rules read: logsource, detections, grouping entities, group-by and value fields. */
    public Set<String> fields() {
        return fields;
    }

    public List<SigmaRule> rules() {
        return rules;
    }

    public List<CorrelationRule> correlations() {
        return correlations;
    }

    public int size() {
        return rules.size() + correlations.size();
    }
}
