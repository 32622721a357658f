package jp.ishigaki.detection.rules;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.ishigaki.detection.config.RulesConfig;
import jp.ishigaki.detection.sigma.CorrelationRule;
import jp.ishigaki.detection.sigma.Rule;
import jp.ishigaki.detection.sigma.RuleLoader;
import jp.ishigaki.schemas.policy.Control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/rules}: the rules in force and the rule files rejected, with their reasons. Requires
 * {@code Authorization: Bearer <ishigaki.rules.api-token>}; refusals are {@code application/problem+json}.
 */
@Path("/api/rules")
public class RulesResource {

    private final RuleRegistry registry;
    private final Optional<byte[]> token;

    public RulesResource(RuleRegistry registry, RulesConfig config) {
        this.registry = registry;
        this.token = config.apiToken().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /** An RFC 9457 problem. */
    public record Problem(String type, String title, int status, String detail) {
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
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (token.isEmpty()) {
            return problem(Response.Status.FORBIDDEN, "The rules API is disabled: set ISHIGAKI_RULES_API_TOKEN.");
        }
        if (!authorised(authorization)) {
            return Response.fromResponse(problem(Response.Status.UNAUTHORIZED,
                    "Send the rules API token as 'Authorization: Bearer <token>'."))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ishigaki-rules\"").build();
        }
        return Response.ok(view()).build();
    }

    private boolean authorised(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.get());
    }

    static Response problem(Response.Status status, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail)).build();
    }

    private RulesView view() {
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
