package jp.ishigaki.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jp.ishigaki.console.i18n.ConsoleLanguage;
import jp.ishigaki.contact.application.ContactDirectory;
import jp.ishigaki.contact.application.ContactDirectory.AvailabilityInput;
import jp.ishigaki.contact.application.RecipientResolver;
import jp.ishigaki.contact.application.ResolvedRecipient;
import jp.ishigaki.contact.domain.ContactRole;
import jp.ishigaki.contact.domain.Department;
import jp.ishigaki.contact.domain.Person;
import jp.ishigaki.escalation.EscalationConfig;
import jp.ishigaki.escalation.EscalationPolicies;
import jp.ishigaki.incident.domain.EscalationRules;
import jp.ishigaki.user.application.Rejected;
import jp.ishigaki.user.domain.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Contacts and escalation: people with roles, department, ordered deputies and availability (staff mark someone
 * unavailable and see the deputy take over in the recipient preview of {@link RecipientResolver}), departments, and
 * the escalation policy per severity in force ({@link EscalationPolicies}). Departments ({@link DepartmentForms}) and
 * the policy ({@link EscalationPolicyForm}) are edited here by the roles their APIs allow; others see them read-only.
 */
@Path("/console/contacts")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ContactsPage {

    /** The roles the contacts API lets record an absence (PeopleResource). */
    static final Set<String> AVAILABILITY_WRITERS = Set.of(Role.OPERATOR_CODE, Role.MANAGER_CODE,
            Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One person as the page shows them. */
    public record PersonRow(String id, String name, String nameEn, String department, String roles,
                            String channels, List<String> deputies, boolean available, String reason,
                            String until) {
    }

    /** One department with its manager's name; the raw names and manager id prefill its edit form. */
    public record DepartmentRow(String id, String name, String manager, String nameJa, String nameEn,
                                String managerId) {
    }

    /** One recipient of the preview; {@code deputyFor} and {@code reason} set when a deputy stands in. */
    public record RecipientRow(String role, String name, String channel, String address, String deputyFor,
                               String reason) {
    }

    /** One severity's escalation rule in force; {@code notifyRoles} and {@code minutes} prefill its form. */
    public record PolicyRow(String severity, String code, String notifyAtOnce, String escalateAfter,
                            boolean repeatAtTop, boolean workingHoursOnly, Set<String> notifyRoles, String minutes) {

        public boolean notifies(String role) {
            return notifyRoles.contains(role);
        }
    }

    /** A role choice of the preview form. */
    public record RoleChoice(String code, String label, boolean checked) {
    }

    @CheckedTemplate(basePath = "console")
    static final class Templates {
        private Templates() {
        }

        static native TemplateInstance contacts(Page page, List<PersonRow> people, List<DepartmentRow> departments,
                                                List<RoleChoice> roles, String previewRoles, String department,
                                                List<RecipientRow> recipients, List<PolicyRow> policy,
                                                String workingHours, boolean canMark, boolean canEdit, String changed,
                                                String error, boolean canEditPolicy, String policySaved,
                                                String departmentSaved);
    }

    private final ContactDirectory contacts;
    private final RecipientResolver resolver;
    private final EscalationConfig escalation;
    private final EscalationPolicies policies;
    private final PageContext context;
    private final Clock clock;

    public ContactsPage(ContactDirectory contacts, RecipientResolver resolver, EscalationConfig escalation,
                        EscalationPolicies policies, PageContext context, Clock clock) {
        this.contacts = contacts;
        this.resolver = resolver;
        this.escalation = escalation;
        this.policies = policies;
        this.context = context;
        this.clock = clock;
    }

    @GET
    public TemplateInstance page(@QueryParam("roles") List<String> roles, @QueryParam("department") String department,
                                 @QueryParam("changed") String changed, @QueryParam("error") String error,
                                 @QueryParam("saved") String saved, @QueryParam("deptSaved") String deptSaved,
                                 @Context UriInfo uri) {
        boolean en = context.english();
        List<Person> people = contacts.people(null, null, null);
        List<Department> departments = contacts.departments();
        Map<String, Person> byId = people.stream().collect(Collectors.toMap(Person::id, Function.identity()));
        Map<String, Department> depts = departments.stream()
                .collect(Collectors.toMap(Department::id, Function.identity()));
        Instant now = clock.instant();
        List<PersonRow> rows = people.stream().map(p -> new PersonRow(p.id(), p.name(), p.nameEn(),
                Optional.ofNullable(p.departmentId()).map(depts::get).map(d -> en && d.nameEn() != null ? d.nameEn()
                        : d.name()).orElse(p.departmentId() == null ? "" : p.departmentId()),
                p.roles().stream().sorted().map(r -> en ? r.en() : r.ja()).collect(Collectors.joining("、")),
                channels(p), p.deputies().stream().map(id -> Optional.ofNullable(byId.get(id)).map(Person::name)
                        .orElse(id)).toList(),
                p.availability().availableAt(now), p.availability().reason(),
                p.availability().until() == null ? null
                        : SHOWN.format(p.availability().until().atZone(ConsoleLanguage.TOKYO)))).toList();
        List<DepartmentRow> deptRows = departments.stream().map(d -> new DepartmentRow(d.id(),
                en && d.nameEn() != null ? d.nameEn() : d.name(),
                d.managerId() == null ? "" : Optional.ofNullable(byId.get(d.managerId())).map(Person::name)
                        .orElse(d.managerId()), d.name(), d.nameEn() == null ? "" : d.nameEn(),
                d.managerId() == null ? "" : d.managerId())).toList();

        Set<String> wanted = new LinkedHashSet<>();
        (roles == null ? List.<String>of() : roles).forEach(r -> Arrays.stream(r.split(",")).map(String::trim)
                .filter(s -> ContactRole.ofCode(s).isPresent()).forEach(wanted::add));
        if (wanted.isEmpty()) {
            Arrays.stream(ContactRole.values()).map(ContactRole::code).forEach(wanted::add);
        }
        String dept = department == null || department.isBlank() ? null : department.trim();
        List<RecipientRow> recipients = resolver.resolve(wanted, dept).stream().map(this::recipient).toList();
        List<RoleChoice> choices = Arrays.stream(ContactRole.values())
                .map(r -> new RoleChoice(r.code(), en ? r.en() : r.ja(), wanted.contains(r.code()))).toList();
        String hours = escalation.workStart() + "–" + escalation.workEnd() + " (" + escalation.zone() + ")";
        return Templates.contacts(context.page("連絡体制とエスカレーション", "Contacts and escalation", "contacts", uri),
                        rows, deptRows, choices, String.join(",", wanted), dept == null ? "" : dept, recipients, policy(), hours,
                        context.hasAny(AVAILABILITY_WRITERS), context.hasAny(PersonForm.EDITORS), changed, error,
                        context.hasAny(EscalationPolicyForm.EDITORS), severityLabel(saved, en), deptSaved)
                .setLocale(context.language().locale());
    }

    /** Marks a person available, or unavailable with a reason and an optional end (Tokyo time). */
    @POST
    @Path("/{id}/availability")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OPERATOR_CODE, Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public Response availability(@PathParam("id") String id, @FormParam("available") String available,
                                 @FormParam("reason") String reason, @FormParam("until") String until,
                                 @FormParam("roles") String roles, @FormParam("department") String department) {
        Preview preview = new Preview(roles, department);
        Instant end;
        try {
            end = until == null || until.isBlank() ? null
                    : LocalDateTime.parse(until.trim()).atZone(ConsoleLanguage.TOKYO).toInstant();
        } catch (DateTimeParseException e) {
            return back(id, preview, "until: '" + until + "' is not a date and time");
        }
        try {
            contacts.setAvailability(id, new AvailabilityInput("true".equals(available),
                    reason == null ? null : reason.strip(), end), context.user());
            return back(id, preview, null);
        } catch (Rejected e) {
            return back(id, preview, e.getMessage());
        }
    }

    /** The recipient preview's choices, kept across a change of availability. */
    private record Preview(String roles, String department) {
    }

    private static Response back(String id, Preview preview, String error) {
        UriBuilder to = UriBuilder.fromPath("/console/contacts").queryParam("changed", id);
        if (preview.roles() != null && !preview.roles().isBlank()) {
            to.queryParam("roles", preview.roles());
        }
        if (preview.department() != null && !preview.department().isBlank()) {
            to.queryParam("department", preview.department());
        }
        if (error != null) {
            to.queryParam("error", error);
        }
        return Response.seeOther(to.build()).build();
    }

    private RecipientRow recipient(ResolvedRecipient r) {
        String role = ContactRole.ofCode(r.recipient().role()).map(c -> context.english() ? c.en() : c.ja())
                .orElse(String.valueOf(r.recipient().role()));
        return new RecipientRow(role, r.recipient().name(), String.valueOf(r.recipient().channel()),
                r.recipient().address(), r.redirectedFrom(), r.reason());
    }

    private List<PolicyRow> policy() {
        boolean en = context.english();
        Map<jp.ishigaki.schemas.policy.Severity, EscalationRules.Rule> rules = policies.rules();
        return java.util.stream.Stream.of("critical", "high", "medium", "low").map(code -> {
            EscalationRules.Rule r = rules.get(jp.ishigaki.schemas.policy.Severity.ofCode(code));
            return rule(code, r.notifyAtOnce(), Optional.ofNullable(r.escalateAfter()), r.repeatAtTop(),
                    r.workingHoursOnly(), en);
        }).toList();
    }

    private static PolicyRow rule(String code, Set<String> roles, Optional<Duration> after, boolean repeat,
                                  boolean workingHours, boolean en) {
        jp.ishigaki.schemas.policy.Severity s = jp.ishigaki.schemas.policy.Severity.ofCode(code);
        String who = roles.stream().map(r -> ContactRole.ofCode(r).map(x -> en ? x.en() : x.ja()).orElse(r))
                .collect(Collectors.joining("、"));
        String interval = after.map(d -> d.toString().substring(2).toLowerCase()).orElse(en ? "never" : "しない");
        return new PolicyRow(en ? s.code() : s.ja(), s.code(), who, interval, repeat, workingHours, Set.copyOf(roles),
                after.map(d -> String.valueOf(d.toMinutes())).orElse(""));
    }

    /** The severity a saved-policy notice names, in the page's language; null when it names none. */
    private static String severityLabel(String code, boolean en) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            jp.ishigaki.schemas.policy.Severity s = jp.ishigaki.schemas.policy.Severity.ofCode(code);
            return en ? s.code() : s.ja();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String channels(Person p) {
        StringBuilder b = new StringBuilder(p.email() == null ? "" : p.email());
        for (String w : p.webhooks()) {
            b.append(b.isEmpty() ? "" : ", ").append("webhook:").append(w);
        }
        return b.toString();
    }
}
