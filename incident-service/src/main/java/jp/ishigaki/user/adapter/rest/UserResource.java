package jp.ishigaki.user.adapter.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jp.ishigaki.user.application.UserAccounts;
import jp.ishigaki.user.domain.Role;

import java.util.List;
import java.util.Set;

/** User administration, for administrators only. */
@Path("/api/users")
@RolesAllowed(Role.ADMIN_CODE)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    /** Body of {@code POST /api/users}. */
    public record CreateUser(String username, String password, Set<String> roles, String displayName,
                             String personId, Boolean enabled) {
    }

    /** Body of {@code PUT /api/users/{username}}; absent fields are left unchanged. */
    public record UpdateUser(Set<String> roles, String displayName, String personId, Boolean enabled) {
    }

    /** Body of {@code PUT /api/users/{username}/password}. */
    public record SetPassword(String password) {
    }

    private final UserAccounts accounts;

    public UserResource(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GET
    public List<UserView> list() {
        return accounts.list().stream().map(UserView::of).toList();
    }

    @GET
    @Path("{username}")
    public UserView get(@PathParam("username") String username) {
        return UserView.of(accounts.get(username));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateUser body) {
        CreateUser b = body == null ? new CreateUser(null, null, null, null, null, null) : body;
        UserView created = UserView.of(accounts.create(new UserAccounts.NewUser(b.username(), b.password(),
                b.roles(), b.displayName(), b.personId(), b.enabled())));
        return Response.created(UriBuilder.fromPath("/api/users/{u}").build(created.username()))
                .entity(created).build();
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView update(@PathParam("username") String username, UpdateUser body, SecurityContext security) {
        UpdateUser b = body == null ? new UpdateUser(null, null, null, null) : body;
        return UserView.of(accounts.update(username,
                new UserAccounts.UserChange(b.roles(), b.displayName(), b.personId(), b.enabled()),
                security.getUserPrincipal().getName()));
    }

    @PUT
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setPassword(@PathParam("username") String username, SetPassword body) {
        accounts.setPassword(username, body == null ? null : body.password());
        return Response.noContent().build();
    }

    @POST
    @Path("{username}/unlock")
    public UserView unlock(@PathParam("username") String username) {
        return UserView.of(accounts.unlock(username));
    }

    @DELETE
    @Path("{username}")
    public Response delete(@PathParam("username") String username, SecurityContext security) {
        accounts.delete(username, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }
}
