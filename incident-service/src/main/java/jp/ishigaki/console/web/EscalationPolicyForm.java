package jp.ishigaki.console.web;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jp.ishigaki.common.InvalidRequestException;
import jp.ishigaki.escalation.EscalationPolicies;
import jp.ishigaki.incident.domain.EscalationRules;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.user.domain.Role;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The contacts page's escalation-policy form: changes one severity's rule through {@link EscalationPolicies}, the
 * same use case and checks as {@code PUT /api/escalation-policy/{severity}}, for the same roles.
 */
@Path("/console/contacts/escalation")
@Blocking
@RolesAllowed({Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
public class EscalationPolicyForm {

    /** The roles the escalation-policy API lets change the policy (EscalationPolicyResource). */
    static final Set<String> EDITORS = Set.of(Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE);

    private final EscalationPolicies policies;
    private final PageContext context;

    public EscalationPolicyForm(EscalationPolicies policies, PageContext context) {
        this.policies = policies;
        this.context = context;
    }

    /** {@code minutes} empty means "never escalate"; the check boxes send "on" when ticked. */
    @POST
    @Path("/{severity}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("severity") String severity, @FormParam("notify") List<String> notify,
                         @FormParam("minutes") String minutes, @FormParam("repeatAtTop") String repeatAtTop,
                         @FormParam("workingHoursOnly") String workingHoursOnly) {
        try {
            Severity level = severity(severity);
            EscalationRules.Rule rule = new EscalationRules.Rule(
                    new LinkedHashSet<>(notify == null ? List.of() : notify), after(minutes),
                    "on".equals(repeatAtTop), "on".equals(workingHoursOnly));
            policies.update(level, rule, context.user());
            return back("saved", level.code());
        } catch (InvalidRequestException e) {
            return back("error", severity + ": " + e.getMessage());
        }
    }

    private static Severity severity(String code) {
        try {
            return Severity.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    private static Duration after(String minutes) {
        if (minutes == null || minutes.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMinutes(Long.parseLong(minutes.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("escalate after: '" + minutes + "' is not a whole number of minutes");
        }
    }

    private static Response back(String param, String value) {
        return Response.seeOther(UriBuilder.fromPath("/console/contacts").queryParam(param, value)
                .fragment("escalation-policy").build()).build();
    }
}
