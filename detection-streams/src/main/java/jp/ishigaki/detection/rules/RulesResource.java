package jp.ishigaki.detection.rules;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.ishigaki.detection.sigma.CorrelationRule;
import jp.ishigaki.detection.sigma.Rule;
import jp.ishigaki.detection.sigma.RuleLoader;
import jp.ishigaki.schemas.policy.Control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/rules}: the rules in force and the rule files rejected, with their reasons. */
@Path("/api/rules")
public class RulesResource {

    private final RuleRegistry registry;

    public RulesResource(RuleRegistry registry) {
        this.registry = registry;
    }

    /** One loaded rule as listed by the API. */
    public record RuleView(String id, String title, String kind, String level, String threat, List<String> controls,
            List<String> attackTags, String correlationType, String origin) {
    }

    /** The listing: when the rules were loaded, from where, what is in force and what was rejected. */
    public record RulesView(Instant loadedAt, String directory, int total, List<RuleView> rules,
            List<RuleLoader.Rejection> rejected) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public RulesView list() {
        RuleRegistry.Snapshot snapshot = registry.snapshot();
        List<RuleView> rules = new ArrayList<>();
        snapshot.result().ruleSet().rules().forEach(rule -> rules.add(view(rule)));
        snapshot.result().ruleSet().correlations().forEach(rule -> rules.add(view(rule)));
        return new RulesView(snapshot.loadedAt(), registry.directory() == null ? null : registry.directory().toString(),
                rules.size(), rules, snapshot.result().rejected());
    }

    private static RuleView view(Rule rule) {
        return new RuleView(rule.id(), rule.title(), rule.kind(), rule.level().code(),
                rule.tags().threat() == null ? null : rule.tags().threat().code(),
                rule.tags().controls().stream().map(Control::code).toList(), rule.tags().attackTags(),
                rule instanceof CorrelationRule c ? c.type().name().toLowerCase() : null, rule.origin());
    }
}
