package jp.ishigaki.contact.adapter.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.ishigaki.contact.application.RecipientResolver;
import jp.ishigaki.contact.application.ResolvedRecipient;
import jp.ishigaki.user.application.Rejected;
import jp.ishigaki.user.domain.Role;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who would be notified right now for some roles and a department (deputies included): a preview for the console. */
@Path("/api/contacts/recipients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR_CODE, Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.AUDITOR_CODE,
        Role.ADMIN_CODE})
public class RecipientsResource {

    private final RecipientResolver resolver;

    public RecipientsResource(RecipientResolver resolver) {
        this.resolver = resolver;
    }

    @GET
    public List<ResolvedRecipient> preview(@QueryParam("roles") String roles,
                                           @QueryParam("department") String department) {
        if (roles == null || roles.isBlank()) {
            throw Rejected.invalid("roles", "is required, e.g. roles=operator,manager");
        }
        Set<String> wanted = new LinkedHashSet<>(Arrays.stream(roles.split(",")).map(String::trim).toList());
        return resolver.resolve(wanted, department);
    }
}
