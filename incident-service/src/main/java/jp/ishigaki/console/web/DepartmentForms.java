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
import jp.ishigaki.contact.application.ContactDirectory;
import jp.ishigaki.contact.application.ContactDirectory.DepartmentInput;
import jp.ishigaki.user.application.Rejected;
import jp.ishigaki.user.domain.Role;

import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The contacts page's department forms: create, rename (Japanese and English name, security manager) and delete a
 * department through {@link ContactDirectory}, for the roles the departments API lets edit (supervisor, CISO, admin).
 */
@Path("/console/contacts/departments")
@Blocking
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@RolesAllowed({Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
public class DepartmentForms {

    private final ContactDirectory contacts;

    public DepartmentForms(ContactDirectory contacts) {
        this.contacts = contacts;
    }

    @POST
    @Path("/create")
    public Response create(@FormParam("id") String id, @FormParam("name") String name,
                           @FormParam("nameEn") String nameEn, @FormParam("managerId") String managerId) {
        return run(() -> contacts.createDepartment(new DepartmentInput(id, name, nameEn, blankToNull(managerId))).id());
    }

    @POST
    @Path("/{id}/update")
    public Response update(@PathParam("id") String id, @FormParam("name") String name,
                           @FormParam("nameEn") String nameEn, @FormParam("managerId") String managerId) {
        return run(() -> contacts.updateDepartment(id, new DepartmentInput(id, name, nameEn, blankToNull(managerId)))
                .id());
    }

    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("id") String id) {
        return run(() -> {
            contacts.deleteDepartment(id);
            return id;
        });
    }

    private static Response run(Supplier<String> change) {
        UriBuilder to = UriBuilder.fromPath("/console/contacts").fragment("departments-section");
        try {
            to.queryParam("deptSaved", change.get());
        } catch (Rejected e) {
            to.queryParam("error", e.errors().isEmpty() ? e.getMessage() : e.errors().stream()
                    .map(f -> f.field() + ": " + f.problem()).collect(Collectors.joining("; ")));
        }
        return Response.seeOther(to.build()).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
