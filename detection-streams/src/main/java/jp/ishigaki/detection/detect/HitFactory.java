package jp.ishigaki.detection.detect;

import jp.ishigaki.detection.classify.Classification;
import jp.ishigaki.detection.sigma.CorrelationRule;
import jp.ishigaki.detection.sigma.RuleSet;
import jp.ishigaki.detection.sigma.SigmaRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a classified event into rule hits: one per matching rule that produces detections of its own (dedup key
 * = rule id + its grouping entity, e.g. {@code rule|user.name=tanaka}), and one per correlation that references a
 * matching rule (dedup key = correlation id + its group-by values). Events lacking a group-by field do not feed
 * that correlation.
 */
public final class HitFactory {

    private HitFactory() {
    }

    public static List<RuleHit> hits(Classification.Matched matched, RuleSet rules) {
        Map<String, Object> flat = matched.normalised().flat();
        List<RuleHit> hits = new ArrayList<>(2);
        for (SigmaRule rule : matched.rules()) {
            if (rules.generatesDetections(rule.id())) {
                String entity = entity(rule.entity(), flat);
                hits.add(hit(matched, rule.id() + "|" + entity, entity, rule.id(), null, null, Map.of()));
            }
            for (CorrelationRule correlation : rules.correlationsOf(rule.id())) {
                String group = groupKey(correlation.groupBy(), flat);
                if (group == null) {
                    continue;
                }
                String value = null;
                if (correlation.type() == CorrelationRule.Type.VALUE_COUNT) {
                    value = text(flat.get(correlation.valueField()));
                    if (value == null) {
                        continue;
                    }
                }
                hits.add(hit(matched, correlation.id() + "|" + group, group, rule.id(), correlation.id(), value,
                        outerGroupFields(correlation, rules, flat)));
            }
        }
        return hits;
    }

    private static RuleHit hit(Classification.Matched m, String dedupKey, String partitionKey, String ruleId,
            String correlationId, String value, Map<String, String> groupFields) {
        Map<String, Object> flat = m.normalised().flat();
        return new RuleHit(dedupKey, partitionKey, ruleId, correlationId, m.event().eventId(), m.event().timestamp(),
                m.event().host(), text(flat.get("user.name")), text(flat.get("source.ip")), m.enrichment().segment(),
                m.enrichment().asset(), m.serverRoom(), value, groupFields, m.normalised().document(), null);
    }

    /** "field=value" of the first present entity field, or "-" when none is present. */
    static String entity(List<String> fields, Map<String, Object> flat) {
        for (String field : fields) {
            String value = text(flat.get(field));
            if (value != null && !value.isEmpty()) {
                return field + "=" + value;
            }
        }
        return "-";
    }

    /** "a=1,b=2" for the group-by fields; "*" for no group-by; null when a field is absent. */
    public static String groupKey(List<String> groupBy, Map<String, ?> values) {
        if (groupBy.isEmpty()) {
            return "*";
        }
        StringBuilder out = new StringBuilder();
        for (String field : groupBy) {
            String value = text(values.get(field));
            if (value == null || value.isEmpty()) {
                return null;
            }
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(field).append('=').append(value);
        }
        return out.toString();
    }

    private static Map<String, String> outerGroupFields(CorrelationRule inner, RuleSet rules, Map<String, Object> flat) {
        List<CorrelationRule> outer = rules.correlationsOf(inner.id());
        if (outer.isEmpty()) {
            return Map.of();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (CorrelationRule correlation : outer) {
            for (String field : correlation.groupBy()) {
                String value = text(flat.get(field));
                if (value != null) {
                    fields.put(field, value);
                }
            }
        }
        return fields;
    }

    static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : text(list.get(0));
        }
        return value == null || value instanceof Map ? null : value.toString();
    }
}
