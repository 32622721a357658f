package jp.ishigaki.user.adapter.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jp.ishigaki.user.application.UserAccounts;

/** The signed-in user: who am I, and changing my own password. */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** Body of {@code PUT /api/me/password}. */
    public record ChangePassword(String currentPassword, String newPassword) {
    }

    private final UserAccounts accounts;

    public MeResource(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GET
    public UserView me(SecurityContext security) {
        return UserView.of(accounts.get(security.getUserPrincipal().getName()));
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(ChangePassword body, SecurityContext security) {
        accounts.changeOwnPassword(security.getUserPrincipal().getName(),
                body == null ? null : body.currentPassword(), body == null ? null : body.newPassword());
        return Response.noContent().build();
    }
}
