package jp.ishigaki.contact.adapter.rest;

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
import jakarta.ws.rs.core.UriBuilder;
import jp.ishigaki.contact.application.ContactDirectory;
import jp.ishigaki.contact.application.ContactDirectory.DepartmentInput;
import jp.ishigaki.contact.domain.Department;
import jp.ishigaki.user.domain.Role;

import java.util.List;

/** Departments (課) and their managers: everyone signed in reads; supervisors, the CISO and admins edit. */
@Path("/api/contacts/departments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR_CODE, Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.AUDITOR_CODE,
        Role.ADMIN_CODE})
public class DepartmentsResource {

    private final ContactDirectory contacts;

    public DepartmentsResource(ContactDirectory contacts) {
        this.contacts = contacts;
    }

    @GET
    public List<Department> list() {
        return contacts.departments();
    }

    @GET
    @Path("{id}")
    public Department get(@PathParam("id") String id) {
        return contacts.department(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public Response create(DepartmentInput body) {
        Department created = contacts.createDepartment(body == null ? new DepartmentInput(null, null, null, null) : body);
        return Response.created(UriBuilder.fromPath("/api/contacts/departments/{id}").build(created.id()))
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public Department update(@PathParam("id") String id, DepartmentInput body) {
        return contacts.updateDepartment(id, body == null ? new DepartmentInput(id, null, null, null) : body);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public Response delete(@PathParam("id") String id) {
        contacts.deleteDepartment(id);
        return Response.noContent().build();
    }
}
