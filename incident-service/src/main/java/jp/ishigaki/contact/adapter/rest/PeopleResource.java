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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jp.ishigaki.contact.application.ContactDirectory;
import jp.ishigaki.contact.application.ContactDirectory.AvailabilityInput;
import jp.ishigaki.contact.application.ContactDirectory.PersonInput;
import jp.ishigaki.user.domain.Role;

import java.util.List;

/** People to notify: everyone signed in reads; supervisors, the CISO and admins edit; staff record absences. */
@Path("/api/contacts/people")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR_CODE, Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.AUDITOR_CODE,
        Role.ADMIN_CODE})
public class PeopleResource {

    private final ContactDirectory contacts;

    public PeopleResource(ContactDirectory contacts) {
        this.contacts = contacts;
    }

    @GET
    public List<PersonView> list(@QueryParam("role") String role, @QueryParam("department") String department,
                                 @QueryParam("q") String text) {
        return contacts.people(role, department, text).stream().map(PersonView::of).toList();
    }

    @GET
    @Path("{id}")
    public PersonView get(@PathParam("id") String id) {
        return PersonView.of(contacts.person(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public Response create(PersonInput body) {
        PersonView created = PersonView.of(contacts.createPerson(orEmpty(body)));
        return Response.created(UriBuilder.fromPath("/api/contacts/people/{id}").build(created.id()))
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public PersonView update(@PathParam("id") String id, PersonInput body) {
        return PersonView.of(contacts.updatePerson(id, orEmpty(body)));
    }

    @PUT
    @Path("{id}/availability")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OPERATOR_CODE, Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public PersonView availability(@PathParam("id") String id, AvailabilityInput body, SecurityContext security) {
        return PersonView.of(contacts.setAvailability(id, body, security.getUserPrincipal().getName()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public Response delete(@PathParam("id") String id) {
        contacts.deletePerson(id);
        return Response.noContent().build();
    }

    private static PersonInput orEmpty(PersonInput body) {
        return body == null ? new PersonInput(null, null, null, null, null, null, null, null, null) : body;
    }
}
