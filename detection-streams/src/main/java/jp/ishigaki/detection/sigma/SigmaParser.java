package jp.ishigaki.detection.sigma;

import jp.ishigaki.schemas.policy.Severity;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one rule file (one or more YAML documents separated by {@code ---}) into compiled rules. Any problem
 * rejects the whole file with a {@link RuleException} naming the file, the line and the problem.
 */
public final class SigmaParser {

    private static final Set<String> STATUSES = Set.of("stable", "test", "experimental", "deprecated", "unsupported");
    private static final Set<String> LEVELS = Set.of("informational", "low", "medium", "high", "critical");
    private static final Pattern TIMESPAN = Pattern.compile("(\\d+)([smhdw])");

    private SigmaParser() {
    }

    public static List<Rule> parse(String file, String text) {
        YamlNode yaml = new YamlNode(file);
        List<Rule> rules = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        try {
            for (Node document : new Yaml(options).composeAll(new StringReader(text))) {
                if (document == null || YamlNode.isNull(document)) {
                    continue;
                }
                rules.add(rule(yaml, document));
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new RuleException(file, line, "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new RuleException(file, 0, "invalid YAML: " + e.getMessage());
        }
        if (rules.isEmpty()) {
            throw new RuleException(file, 1, "the file holds no rule");
        }
        return rules;
    }

    private static Rule rule(YamlNode yaml, Node document) {
        Map<String, Node> map = yaml.mapping(document, "a rule");
        if (map.containsKey("correlation")) {
            return correlation(yaml, document, map);
        }
        if (!map.containsKey("detection")) {
            throw yaml.error(document, "a rule needs 'detection' (or 'correlation')");
        }
        String id = yaml.requiredText(map, "id", document);
        String title = yaml.requiredText(map, "title", document);
        String status = status(yaml, map);
        Severity level = level(yaml, map, document);
        RuleTags tags = tags(yaml, map, document, true);
        LogSource logsource = logsource(yaml, map.get("logsource"));
        List<String> entity = map.containsKey("entity") ? yaml.texts(map.get("entity"), "entity") : SigmaRule.DEFAULT_ENTITY;
        DetectionCompiler compiler = new DetectionCompiler(yaml);
        EventMatch detection = compiler.compile(map.get("detection"));
        return new SigmaRule(id, yaml.optionalText(map, "name"), title, status, yaml.optionalText(map, "description"),
                level, tags, logsource, entity, detection, compiler.fields(), yaml.file() + ":" + YamlNode.line(document));
    }

    private static String status(YamlNode yaml, Map<String, Node> map) {
        String status = yaml.optionalText(map, "status");
        if (status != null && !STATUSES.contains(status)) {
            throw yaml.error(map.get("status"), "unknown status '" + status + "' (expected " + STATUSES + ")");
        }
        return status == null ? "experimental" : status;
    }

    private static Severity level(YamlNode yaml, Map<String, Node> map, Node owner) {
        String level = yaml.requiredText(map, "level", owner);
        if (!LEVELS.contains(level)) {
            throw yaml.error(map.get("level"), "unknown level '" + level + "' (expected informational, low, medium, high, critical)");
        }
        return Severity.ofSigmaLevel(level);
    }

    private static RuleTags tags(YamlNode yaml, Map<String, Node> map, Node owner, boolean threatRequired) {
        Node node = map.get("tags");
        RuleTags tags = RuleTags.parse(yaml.texts(node, "tag"), problem -> yaml.error(node == null ? owner : node, problem));
        if (threatRequired && tags.threat() == null && !tags.discard()) {
            throw yaml.error(node == null ? owner : node, "the rule has no ishigaki.threat.<code> tag");
        }
        return tags;
    }

    private static LogSource logsource(YamlNode yaml, Node node) {
        if (node == null) {
            return LogSource.ANY;
        }
        Map<String, Node> map = yaml.mapping(node, "logsource");
        return new LogSource(yaml.optionalText(map, "product"), yaml.optionalText(map, "service"),
                yaml.optionalText(map, "category"));
    }

    private static CorrelationRule correlation(YamlNode yaml, Node document, Map<String, Node> map) {
        String id = yaml.requiredText(map, "id", document);
        String title = yaml.requiredText(map, "title", document);
        Severity level = level(yaml, map, document);
        RuleTags tags = tags(yaml, map, document, false);
        Node node = map.get("correlation");
        Map<String, Node> correlation = yaml.mapping(node, "correlation");
        String typeText = yaml.requiredText(correlation, "type", node);
        CorrelationRule.Type type = CorrelationRule.Type.of(typeText);
        if (type == null) {
            throw yaml.error(correlation.get("type"), "unknown correlation type '" + typeText
                    + "' (expected event_count, value_count, temporal, temporal_ordered)");
        }
        List<String> rules = yaml.texts(correlation.get("rules"), "rule reference");
        if (rules.isEmpty()) {
            throw yaml.error(node, "correlation needs 'rules'");
        }
        List<String> groupBy = yaml.texts(correlation.get("group-by"), "group-by field");
        Duration timespan = timespan(yaml, correlation.get("timespan"), node);
        CorrelationRule.Threshold threshold = null;
        String valueField = null;
        Node conditionNode = correlation.get("condition");
        if (type == CorrelationRule.Type.EVENT_COUNT || type == CorrelationRule.Type.VALUE_COUNT) {
            if (conditionNode == null) {
                throw yaml.error(node, typeText + " needs a 'condition' such as 'gte: 10'");
            }
            Map<String, Node> condition = yaml.mapping(conditionNode, "condition");
            threshold = new CorrelationRule.Threshold(bound(yaml, condition, "gt"), bound(yaml, condition, "gte"),
                    bound(yaml, condition, "lt"), bound(yaml, condition, "lte"), bound(yaml, condition, "eq"));
            if (threshold.toString().isEmpty()) {
                throw yaml.error(conditionNode, "condition needs one of gt, gte, lt, lte, eq");
            }
            valueField = yaml.optionalText(condition, "field");
            if (type == CorrelationRule.Type.VALUE_COUNT && valueField == null) {
                throw yaml.error(conditionNode, "value_count needs 'field' in its condition");
            }
            for (String key : condition.keySet()) {
                if (!Set.of("gt", "gte", "lt", "lte", "eq", "field").contains(key)) {
                    throw yaml.error(conditionNode, "unknown condition key '" + key + "'");
                }
            }
        } else if (rules.size() < 2) {
            throw yaml.error(correlation.get("rules"), typeText + " needs at least two rules");
        }
        Node generate = map.containsKey("generate") ? map.get("generate") : correlation.get("generate");
        boolean generates = generate != null && Boolean.parseBoolean(yaml.text(generate, "generate"));
        return new CorrelationRule(id, yaml.optionalText(map, "name"), title, yaml.optionalText(map, "description"),
                level, tags, type, rules, groupBy, timespan, threshold, valueField, generates,
                yaml.file() + ":" + YamlNode.line(document));
    }

    private static Long bound(YamlNode yaml, Map<String, Node> condition, String key) {
        Node node = condition.get(key);
        if (node == null) {
            return null;
        }
        try {
            return Long.parseLong(yaml.text(node, key));
        } catch (NumberFormatException e) {
            throw yaml.error(node, "'" + key + "' needs a whole number");
        }
    }

    static Duration timespan(YamlNode yaml, Node node, Node owner) {
        if (node == null) {
            throw yaml.error(owner, "correlation needs 'timespan' (e.g. 5m)");
        }
        String text = yaml.text(node, "timespan");
        Matcher m = TIMESPAN.matcher(text.trim());
        if (!m.matches()) {
            throw yaml.error(node, "timespan '" + text + "' must be a number followed by s, m, h, d or w");
        }
        long n = Long.parseLong(m.group(1));
        Duration span = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (span.isZero()) {
            throw yaml.error(node, "timespan must be positive");
        }
        return span;
    }
}
