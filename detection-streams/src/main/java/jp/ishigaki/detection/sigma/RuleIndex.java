package jp.ishigaki.detection.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules of one logsource product, indexed by a discriminating field: a rule whose detection can only match
 * some values of {@code event.code} (else {@code event.action}) is tested only on events carrying one of them. The
 * other rules are always tested. Matches come out in load order, as without the index.
 */
public final class RuleIndex {

    static final List<String> FIELDS = List.of("event.code", "event.action");
    /** The fields classification adds from the asset inventory ({@code ishigaki.segment}, {@code ishigaki.asset.*}). */
    static final String ENRICHMENT_PREFIX = "ishigaki.";

    private final SigmaRule[] rules;
    private final long[] unkeyed;
    private final List<Map<String, int[]>> byValue = new ArrayList<>();
    private final List<int[]> keyedOn = new ArrayList<>();
    private final boolean indexed;
    private final boolean readsEnrichment;

    RuleIndex(SigmaRule[] rules) {
        this.rules = rules;
        this.unkeyed = new long[(rules.length + 63) >>> 6];
        List<Map<String, List<Integer>>> values = new ArrayList<>();
        List<List<Integer>> keyed = new ArrayList<>();
        for (int f = 0; f < FIELDS.size(); f++) {
            values.add(new HashMap<>());
            keyed.add(new ArrayList<>());
        }
        boolean any = false;
        boolean enrichment = false;
        for (int i = 0; i < rules.length; i++) {
            enrichment |= rules[i].fields().stream().anyMatch(field -> field.startsWith(ENRICHMENT_PREFIX));
            Map<String, Set<String>> required = rules[i].detection().requiredValues();
            int f = 0;
            while (f < FIELDS.size() && !required.containsKey(FIELDS.get(f))) {
                f++;
            }
            if (f == FIELDS.size()) {
                unkeyed[i >>> 6] |= 1L << i;
                continue;
            }
            any = true;
            keyed.get(f).add(i);
            for (String value : required.get(FIELDS.get(f))) {
                values.get(f).computeIfAbsent(value, k -> new ArrayList<>()).add(i);
            }
        }
        this.indexed = any;
        this.readsEnrichment = enrichment;
        for (int f = 0; f < FIELDS.size(); f++) {
            Map<String, int[]> map = new HashMap<>();
            values.get(f).forEach((value, positions) -> map.put(value, ints(positions)));
            byValue.add(map);
            keyedOn.add(ints(keyed.get(f)));
        }
    }

    /**
     * Whether any of these rules reads a field under {@code ishigaki.} (added by enrichment): when none does, an event
     * can be matched before it is enriched, and one that matches nothing is never enriched.
     */
    public boolean readsEnrichment() {
        return readsEnrichment;
    }

    /** The rules that match the event (logsource beyond product, then detection), in load order. */
    public List<SigmaRule> match(Map<String, Object> event) {
        List<SigmaRule> hits = null;
        if (!indexed) {
            for (SigmaRule rule : rules) {
                if (rule.matchesIndexed(event)) {
                    hits = add(hits, rule);
                }
            }
            return hits == null ? List.of() : hits;
        }
        long[] candidates = unkeyed.clone();
        for (int f = 0; f < FIELDS.size(); f++) {
            Object value = event.get(FIELDS.get(f));
            if (value instanceof List<?> list) {
                for (Object element : list) {
                    mark(candidates, f, element);
                }
            } else if (value != null) {
                mark(candidates, f, value);
            }
        }
        for (int w = 0; w < candidates.length; w++) {
            for (long bits = candidates[w]; bits != 0; bits &= bits - 1) {
                SigmaRule rule = rules[(w << 6) + Long.numberOfTrailingZeros(bits)];
                if (rule.matchesIndexed(event)) {
                    hits = add(hits, rule);
                }
            }
        }
        return hits == null ? List.of() : hits;
    }

    private void mark(long[] candidates, int field, Object value) {
        String text = value == null ? null : ValueMatcher.text(value);
        if (text == null) {
            return;
        }
        // Case-insensitive equality and lower-casing agree on ASCII only; anything else tests every keyed rule.
        int[] positions = ascii(text) ? byValue.get(field).get(text.toLowerCase(Locale.ROOT)) : keyedOn.get(field);
        if (positions != null) {
            for (int i : positions) {
                candidates[i >>> 6] |= 1L << i;
            }
        }
    }

    private static List<SigmaRule> add(List<SigmaRule> hits, SigmaRule rule) {
        List<SigmaRule> out = hits == null ? new ArrayList<>(2) : hits;
        out.add(rule);
        return out;
    }

    static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
