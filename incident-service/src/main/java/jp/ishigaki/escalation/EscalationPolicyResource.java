package jp.ishigaki.escalation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.ishigaki.common.InvalidRequestException;
import jp.ishigaki.incident.domain.EscalationRules.Rule;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.user.domain.Role;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** The escalation policy per severity (DOMAIN.md §6): everyone reads it; supervisors, the CISO and admins change it. */
@Path("/api/escalation-policy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR_CODE, Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.AUDITOR_CODE,
        Role.ADMIN_CODE})
public class EscalationPolicyResource {

    /** One severity's rule; {@code escalateAfter} is an ISO-8601 duration (PT30M), absent for "never". */
    public record RuleView(Severity severity, List<String> notifyAtOnce, String escalateAfter, boolean repeatAtTop,
                           boolean workingHoursOnly) {

        static RuleView of(Severity severity, Rule rule) {
            return new RuleView(severity, rule.notifyAtOnce().stream().sorted().toList(),
                    rule.escalateAfter() == null ? null : rule.escalateAfter().toString(), rule.repeatAtTop(),
                    rule.workingHoursOnly());
        }
    }

    /** The body of a change. */
    public record RuleInput(List<String> notifyAtOnce, String escalateAfter, Boolean repeatAtTop,
                            Boolean workingHoursOnly) {
    }

    private final EscalationPolicies policies;
    private final SecurityIdentity identity;

    public EscalationPolicyResource(EscalationPolicies policies, SecurityIdentity identity) {
        this.policies = policies;
        this.identity = identity;
    }

    @GET
    public List<RuleView> list() {
        return policies.rules().entrySet().stream()
                .sorted((a, b) -> b.getKey().compareTo(a.getKey()))
                .map(e -> RuleView.of(e.getKey(), e.getValue()))
                .toList();
    }

    @PUT
    @Path("{severity}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public RuleView update(@PathParam("severity") String severity, RuleInput body) {
        if (body == null || body.notifyAtOnce() == null) {
            throw new InvalidRequestException("notifyAtOnce is required");
        }
        Severity level;
        try {
            level = Severity.ofCode(severity);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        Rule rule = new Rule(Set.copyOf(body.notifyAtOnce()), duration(body.escalateAfter()),
                Boolean.TRUE.equals(body.repeatAtTop()), Boolean.TRUE.equals(body.workingHoursOnly()));
        return RuleView.of(level, policies.update(level, rule, identity.getPrincipal().getName()));
    }

    private static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("escalateAfter '" + text + "' is not an ISO-8601 duration such as PT30M");
        }
    }
}
