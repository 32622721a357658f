package jp.ishigaki.detection.sigma;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The per-rule fixtures under src/test/resources/rule-fixtures: a matching event and a near miss per rule. */
public final class RuleFixtures {

    /** One fixture. */
    public record Fixture(String file, String rule, Map<String, Object> match, Map<String, Object> nearMiss) {
        @Override
        public String toString() {
            return rule;
        }
    }

    private RuleFixtures() {
    }

    @SuppressWarnings("unchecked")
    public static List<Fixture> all() {
        List<Fixture> out = new ArrayList<>();
        for (String file : indexedFiles()) {
            if (file.equals("correlations.yml")) {
                continue;
            }
            try (InputStream in = RuleFixtures.class.getClassLoader().getResourceAsStream("rule-fixtures/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("no fixture file for rules/" + file);
                }
                List<Map<String, Object>> items = new Yaml().load(in);
                for (Map<String, Object> item : items) {
                    out.add(new Fixture(file, (String) item.get("rule"), (Map<String, Object>) item.get("match"),
                            (Map<String, Object>) item.get("nearMiss")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public static List<String> indexedFiles() {
        try (InputStream in = RuleFixtures.class.getClassLoader().getResourceAsStream("rules/index.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
