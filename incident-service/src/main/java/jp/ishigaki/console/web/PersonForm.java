package jp.ishigaki.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jp.ishigaki.contact.application.ContactDirectory;
import jp.ishigaki.contact.application.ContactDirectory.PersonInput;
import jp.ishigaki.contact.domain.ContactRole;
import jp.ishigaki.contact.domain.Person;
import jp.ishigaki.user.application.Rejected;
import jp.ishigaki.user.domain.Role;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The form that creates or edits a contact person (name, channels, department, roles, deputies in order) through
 * {@link ContactDirectory}; for the roles the contacts API lets edit people (supervisor, CISO, admin).
 */
@Path("/console/contacts/people")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed({Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
public class PersonForm {

    /** The roles the contacts API lets edit people (PeopleResource). */
    static final Set<String> EDITORS = Set.of(Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE);

    /** The form's values; {@code originalId} is empty for a new person, deputies are ids in order. */
    public record Values(String originalId, String id, String name, String nameEn, String email, String language,
                         String department, List<String> roles, String webhooks, String deputies) {

        public boolean isNew() {
            return originalId == null || originalId.isEmpty();
        }

        public boolean hasRole(String code) {
            return roles.contains(code);
        }
    }

    /** A choice of a select or a checkbox. */
    public record Choice(String code, String label) {
    }

    @CheckedTemplate(basePath = "console")
    static final class Templates {
        private Templates() {
        }

        static native TemplateInstance personForm(Page page, Values form, List<Choice> departments,
                                                  List<Choice> roles, List<Choice> people,
                                                  List<Rejected.FieldError> errors);
    }

    private final ContactDirectory contacts;
    private final PageContext context;

    public PersonForm(ContactDirectory contacts, PageContext context) {
        this.contacts = contacts;
        this.context = context;
    }

    @GET
    @Path("/new")
    public TemplateInstance create(@Context UriInfo uri) {
        return render(new Values("", "", "", "", "", "ja", "", List.of(), "", ""), List.of(), uri);
    }

    @GET
    @Path("/{id}/edit")
    public TemplateInstance edit(@PathParam("id") String id, @Context UriInfo uri) {
        Person p = contacts.person(id);
        return render(new Values(p.id(), p.id(), p.name(), nz(p.nameEn()), nz(p.email()), p.language(),
                nz(p.departmentId()), p.roles().stream().map(ContactRole::code).toList(),
                String.join(", ", p.webhooks()), String.join(", ", p.deputies())), List.of(), uri);
    }

    @POST
    @Path("/save")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@FormParam("originalId") String originalId, @FormParam("id") String id,
                         @FormParam("name") String name, @FormParam("nameEn") String nameEn,
                         @FormParam("email") String email, @FormParam("language") String language,
                         @FormParam("department") String department, @FormParam("roles") List<String> roles,
                         @FormParam("webhooks") String webhooks, @FormParam("deputies") String deputies,
                         @Context UriInfo uri) {
        Values form = new Values(nz(originalId), nz(id), nz(name), nz(nameEn), nz(email),
                language == null || language.isBlank() ? "ja" : language, nz(department),
                roles == null ? List.of() : roles, nz(webhooks), nz(deputies));
        PersonInput input = new PersonInput(blankToNull(form.id()), form.name(), blankToNull(form.nameEn()),
                blankToNull(form.email()), form.language(), blankToNull(form.department()), form.roles(),
                split(form.webhooks()), split(form.deputies()));
        try {
            Person saved = form.isNew() ? contacts.createPerson(input) : contacts.updatePerson(form.originalId(), input);
            return Response.seeOther(UriBuilder.fromPath("/console/contacts").queryParam("changed", saved.id())
                    .build()).build();
        } catch (Rejected e) {
            List<Rejected.FieldError> errors = e.errors().isEmpty()
                    ? List.of(new Rejected.FieldError("id", e.getMessage())) : e.errors();
            return Response.status(Response.Status.BAD_REQUEST).entity(render(form, errors, uri)).build();
        }
    }

    private TemplateInstance render(Values form, List<Rejected.FieldError> errors, UriInfo uri) {
        boolean en = context.english();
        String title = form.isNew() ? (en ? "New contact" : "担当者の登録")
                : (en ? "Edit " : "担当者の編集 ") + form.name();
        List<Choice> departments = contacts.departments().stream()
                .map(d -> new Choice(d.id(), en && d.nameEn() != null ? d.nameEn() : d.name())).toList();
        List<Choice> roles = Arrays.stream(ContactRole.values())
                .map(r -> new Choice(r.code(), en ? r.en() : r.ja())).toList();
        List<Choice> people = contacts.people(null, null, null).stream()
                .filter(p -> !p.id().equals(form.originalId())).map(p -> new Choice(p.id(), p.name())).toList();
        return Templates.personForm(context.page(title, title, "contacts", uri), form, departments, roles, people,
                errors).setLocale(context.language().locale());
    }

    private static List<String> split(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("[,\\s]+")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
