package jp.ishigaki.console.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The policy catalogue of the console: every threat code and control with the clause of the city's basic policy it
 * falls under, and the clause text (extracted verbatim from the public policy into {@code console/policy-clauses.json}).
 */
@ApplicationScoped
public class PolicyCatalogue {

    private static final String RESOURCE = "console/policy-clauses.json";

    private final Map<String, PolicyClause> clauses;
    private final Map<String, PolicyRef> threats;
    private final Map<String, PolicyRef> controls;

    public PolicyCatalogue() {
        this.clauses = load().stream()
                .collect(Collectors.toMap(PolicyClause::clause, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.threats = Arrays.stream(Threat.values()).collect(Collectors.toMap(Threat::code,
                t -> new PolicyRef(t.code(), t.ja(), t.en(), clause(t.clause())), (a, b) -> a, LinkedHashMap::new));
        this.controls = Arrays.stream(Control.values()).collect(Collectors.toMap(Control::code,
                c -> new PolicyRef(c.code(), c.ja(), c.en(), clause(c.clause())), (a, b) -> a, LinkedHashMap::new));
    }

    public List<PolicyClause> clauses() {
        return List.copyOf(clauses.values());
    }

    public List<PolicyRef> threats() {
        return List.copyOf(threats.values());
    }

    public List<PolicyRef> controls() {
        return List.copyOf(controls.values());
    }

    public PolicyRef threat(Threat threat) {
        return threats.get(threat.code());
    }

    public PolicyRef control(Control control) {
        return controls.get(control.code());
    }

    /** A threat or control by its code, e.g. {@code T1-02} or {@code MN-ISOLATION}. */
    public Optional<PolicyRef> byCode(String code) {
        return Optional.ofNullable(threats.get(code)).or(() -> Optional.ofNullable(controls.get(code)));
    }

    public Optional<PolicyClause> byAnchor(String anchor) {
        return clauses.values().stream().filter(c -> c.anchor().equals(anchor)).findFirst();
    }

    private PolicyClause clause(String clause) {
        PolicyClause found = clauses.get(clause);
        if (found == null) {
            throw new IllegalStateException("policy clause " + clause + " missing from " + RESOURCE);
        }
        return found;
    }

    private static List<PolicyClause> load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not on the class path");
            }
            return Json.mapper().readValue(in, new TypeReference<List<PolicyClause>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
