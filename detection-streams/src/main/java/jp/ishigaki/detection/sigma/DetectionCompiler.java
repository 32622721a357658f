package jp.ishigaki.detection.sigma;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a rule's {@code detection} block into one {@link EventMatch}. Supported: selections as maps (AND of
 * fields) and lists of maps (OR), keyword lists (matched as substrings of {@code message}), the modifiers
 * {@code contains startswith endswith re cidr all exists gt gte lt lte}, wildcards in plain values, {@code null}.
 */
final class DetectionCompiler {

    static final Set<String> MODIFIERS =
            Set.of("contains", "startswith", "endswith", "re", "cidr", "all", "exists", "gt", "gte", "lt", "lte", "i");
    private static final String KEYWORD_FIELD = "message";

    private final YamlNode yaml;
    private final Set<String> fields = new LinkedHashSet<>();

    DetectionCompiler(YamlNode yaml) {
        this.yaml = yaml;
    }

    EventMatch compile(Node detectionNode) {
        Map<String, Node> detection = yaml.mapping(detectionNode, "detection");
        Node conditionNode = detection.get("condition");
        if (conditionNode == null) {
            throw yaml.error(detectionNode, "detection has no 'condition'");
        }
        Map<String, EventMatch> selections = ConditionParser.ordered();
        for (Map.Entry<String, Node> entry : detection.entrySet()) {
            String name = entry.getKey();
            if (name.equals("condition") || name.equals("timeframe")) {
                continue;
            }
            selections.put(name, selection(name, entry.getValue()));
        }
        if (selections.isEmpty()) {
            throw yaml.error(detectionNode, "detection has no selection");
        }
        List<EventMatch> alternatives = new ArrayList<>();
        List<Node> conditions = conditionNode instanceof SequenceNode seq ? seq.getValue() : List.of(conditionNode);
        for (Node node : conditions) {
            String text = yaml.text(node, "condition");
            alternatives.add(ConditionParser.parse(text, selections, problem -> yaml.error(node, problem)));
        }
        return alternatives.size() == 1 ? alternatives.get(0) : ConditionParser.anyOf(alternatives);
    }

    private EventMatch selection(String name, Node node) {
        if (node instanceof MappingNode) {
            return fields(node);
        }
        if (node instanceof SequenceNode seq) {
            if (seq.getValue().isEmpty()) {
                throw yaml.error(node, "selection '" + name + "' is an empty list");
            }
            boolean maps = seq.getValue().get(0) instanceof MappingNode;
            List<EventMatch> parts = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (maps != item instanceof MappingNode) {
                    throw yaml.error(item, "selection '" + name + "' mixes maps and keywords");
                }
                parts.add(maps ? fields(item) : keyword(item));
            }
            return ConditionParser.anyOf(parts);
        }
        if (node instanceof ScalarNode) {
            return keyword(node);
        }
        throw yaml.error(node, "selection '" + name + "' must be a map or a list");
    }

    /** The event fields the compiled detections read. */
    Set<String> fields() {
        return fields;
    }

    private EventMatch keyword(Node node) {
        fields.add(KEYWORD_FIELD);
        String word = yaml.text(node, "keyword");
        ValueMatcher matcher = ValueMatcher.glob(word, true, true);
        return new FieldTest(KEYWORD_FIELD, List.of(matcher), false, false, null);
    }

    private EventMatch fields(Node node) {
        Map<String, Node> map = yaml.mapping(node, "selection");
        Map<String, Node> keys = yaml.keys(node);
        List<EventMatch> tests = new ArrayList<>();
        for (Map.Entry<String, Node> entry : map.entrySet()) {
            tests.add(field(entry.getKey(), keys.get(entry.getKey()), entry.getValue()));
        }
        if (tests.isEmpty()) {
            throw yaml.error(node, "selection is empty");
        }
        return ConditionParser.allOf(tests);
    }

    private EventMatch field(String key, Node keyNode, Node valueNode) {
        String[] parts = key.split("\\|");
        String field = parts[0].trim();
        if (field.isEmpty()) {
            throw yaml.error(keyNode, "field name is empty in '" + key + "'");
        }
        fields.add(field);
        List<String> modifiers = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String modifier = parts[i].trim();
            if (!MODIFIERS.contains(modifier)) {
                throw yaml.error(keyNode, "unsupported modifier '" + modifier + "' on field '" + field
                        + "' (supported: contains, startswith, endswith, re, cidr, all, exists, gt, gte, lt, lte)");
            }
            modifiers.add(modifier);
        }
        boolean all = modifiers.remove("all");
        modifiers.remove("i");
        if (modifiers.size() > 1) {
            throw yaml.error(keyNode, "field '" + field + "' combines modifiers " + modifiers + "; only one of them is allowed");
        }
        String modifier = modifiers.isEmpty() ? null : modifiers.get(0);
        List<Node> values = valueNode instanceof SequenceNode seq ? seq.getValue() : List.of(valueNode);
        if (values.isEmpty()) {
            throw yaml.error(valueNode, "field '" + field + "' has an empty list of values");
        }
        if ("exists".equals(modifier)) {
            if (values.size() != 1 || !(values.get(0) instanceof ScalarNode s) || !s.getTag().equals(Tag.BOOL)) {
                throw yaml.error(valueNode, "'" + field + "|exists' needs true or false");
            }
            return new FieldTest(field, List.of(), false, false, Boolean.parseBoolean(((ScalarNode) values.get(0)).getValue()));
        }
        List<ValueMatcher> matchers = new ArrayList<>();
        boolean matchesAbsent = false;
        for (Node value : values) {
            if (YamlNode.isNull(value)) {
                if (modifier != null) {
                    throw yaml.error(value, "'" + field + "|" + modifier + "' cannot match null");
                }
                matchesAbsent = true;
                continue;
            }
            if (!(value instanceof ScalarNode scalar)) {
                throw yaml.error(value, "value of field '" + field + "' must be a scalar or a list of scalars");
            }
            matchers.add(matcher(field, modifier, scalar));
        }
        return new FieldTest(field, matchers, all, matchesAbsent, null);
    }

    private ValueMatcher matcher(String field, String modifier, ScalarNode scalar) {
        String value = scalar.getValue();
        try {
            if (modifier == null) {
                return ValueMatcher.glob(value, false, false);
            }
            return switch (modifier) {
                case "contains" -> ValueMatcher.glob(value, true, true);
                case "startswith" -> ValueMatcher.glob(value, false, true);
                case "endswith" -> ValueMatcher.glob(value, true, false);
                case "re" -> ValueMatcher.regex(value, false);
                case "cidr" -> ValueMatcher.cidr(value);
                case "gt", "gte", "lt", "lte" -> ValueMatcher.numeric(modifier, number(field, modifier, scalar));
                default -> throw yaml.error(scalar, "unsupported modifier '" + modifier + "'");
            };
        } catch (PatternSyntaxException e) {
            throw yaml.error(scalar, "invalid regular expression for '" + field + "': " + e.getDescription());
        } catch (IllegalArgumentException e) {
            throw yaml.error(scalar, "invalid value for '" + field + "|" + modifier + "': " + e.getMessage());
        }
    }

    private double number(String field, String modifier, ScalarNode scalar) {
        try {
            return Double.parseDouble(scalar.getValue());
        } catch (NumberFormatException e) {
            throw yaml.error(scalar, "'" + field + "|" + modifier + "' needs a number, not '" + scalar.getValue() + "'");
        }
    }
}
