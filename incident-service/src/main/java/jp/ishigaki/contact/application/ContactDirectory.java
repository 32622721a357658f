package jp.ishigaki.contact.application;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.ishigaki.contact.adapter.persistence.DepartmentEntity;
import jp.ishigaki.contact.adapter.persistence.PersonEntity;
import jp.ishigaki.contact.domain.ContactRole;
import jp.ishigaki.contact.domain.Department;
import jp.ishigaki.contact.domain.Directory;
import jp.ishigaki.contact.domain.Person;
import jp.ishigaki.user.application.Rejected;
import jp.ishigaki.user.application.Validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Use cases on contacts: people, departments, deputies and availability. */
@ApplicationScoped
public class ContactDirectory {

    static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    static final Pattern ENDPOINT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");
    static final Set<String> LANGUAGES = Set.of("ja", "en");

    /** A person as written by the API; {@code id} is generated when absent on creation. */
    public record PersonInput(String id, String name, String nameEn, String email, String language,
                              String department, List<String> roles, List<String> webhooks, List<String> deputies) {
    }

    /** A department as written by the API. */
    public record DepartmentInput(String id, String name, String nameEn, String managerId) {
    }

    /** Marks a person available, or unavailable with a reason and an optional end. */
    public record AvailabilityInput(Boolean available, String reason, Instant until) {
    }

    /** The contacts as one snapshot, for resolving recipients. */
    @Transactional
    public Directory snapshot() {
        return new Directory(PersonEntity.<PersonEntity>listAll().stream().map(PersonEntity::toPerson).toList(),
                DepartmentEntity.<DepartmentEntity>listAll().stream().map(DepartmentEntity::toDepartment).toList());
    }

    @Transactional
    public List<Person> people(String role, String department, String text) {
        String needle = text == null || text.isBlank() ? null : text.toLowerCase(Locale.ROOT);
        return PersonEntity.<PersonEntity>listAll().stream().map(PersonEntity::toPerson)
                .filter(p -> role == null || role.isBlank()
                        || ContactRole.ofCode(role).map(p.roles()::contains).orElse(false))
                .filter(p -> department == null || department.isBlank() || department.equals(p.departmentId()))
                .filter(p -> needle == null || contains(p.name(), needle) || contains(p.nameEn(), needle)
                        || contains(p.email(), needle) || contains(p.id(), needle))
                .sorted(Comparator.comparing(Person::name).thenComparing(Person::id)).toList();
    }

    @Transactional
    public Person person(String id) {
        return findPerson(id).toPerson();
    }

    @Transactional
    public Person createPerson(PersonInput input) {
        String id = input.id() == null || input.id().isBlank() ? UUID.randomUUID().toString() : input.id().trim();
        validate(input, id);
        if (PersonEntity.findById(id) != null) {
            throw Rejected.conflict("person '" + id + "' already exists");
        }
        PersonEntity e = new PersonEntity();
        e.id = id;
        e.available = true;
        e.createdAt = Instant.now();
        apply(e, input);
        e.persist();
        return e.toPerson();
    }

    @Transactional
    public Person updatePerson(String id, PersonInput input) {
        PersonEntity e = findPerson(id);
        validate(input, id);
        apply(e, input);
        return e.toPerson();
    }

    @Transactional
    public Person setAvailability(String id, AvailabilityInput input, String actor) {
        PersonEntity e = findPerson(id);
        Validation v = new Validation();
        v.require(input != null && input.available() != null, "available", "is required (true or false)");
        if (input != null && Boolean.FALSE.equals(input.available())) {
            v.maxLength(input.reason(), 500, "reason");
            v.require(input.until() == null || input.until().isAfter(Instant.now()), "until", "must be in the future");
        }
        v.throwIfInvalid();
        e.available = input.available();
        e.unavailableReason = e.available ? null : blankToNull(input.reason());
        e.unavailableUntil = e.available ? null : input.until();
        e.updatedAt = Instant.now();
        Log.infof("contact %s marked %s by %s%s", e.id, e.available ? "available" : "unavailable", actor,
                e.unavailableUntil == null ? "" : " until " + e.unavailableUntil);
        return e.toPerson();
    }

    @Transactional
    public void deletePerson(String id) {
        PersonEntity e = findPerson(id);
        for (PersonEntity other : PersonEntity.<PersonEntity>listAll()) {
            if (other.deputies.remove(id)) {
                other.deputies = new ArrayList<>(other.deputies);
                other.updatedAt = Instant.now();
            }
        }
        DepartmentEntity.update("managerId = null where managerId = ?1", id);
        PersonEntity.getEntityManager().flush();
        e.delete();
    }

    @Transactional
    public List<Department> departments() {
        return DepartmentEntity.<DepartmentEntity>listAll().stream().map(DepartmentEntity::toDepartment)
                .sorted(Comparator.comparing(Department::id)).toList();
    }

    @Transactional
    public Department department(String id) {
        return findDepartment(id).toDepartment();
    }

    @Transactional
    public Department createDepartment(DepartmentInput input) {
        validate(input);
        if (DepartmentEntity.findById(input.id().trim()) != null) {
            throw Rejected.conflict("department '" + input.id() + "' already exists");
        }
        DepartmentEntity e = new DepartmentEntity();
        e.id = input.id().trim();
        e.createdAt = Instant.now();
        apply(e, input);
        e.persist();
        return e.toDepartment();
    }

    @Transactional
    public Department updateDepartment(String id, DepartmentInput input) {
        DepartmentEntity e = findDepartment(id);
        validate(new DepartmentInput(id, input.name(), input.nameEn(), input.managerId()));
        apply(e, input);
        return e.toDepartment();
    }

    @Transactional
    public void deleteDepartment(String id) {
        DepartmentEntity e = findDepartment(id);
        long members = PersonEntity.count("departmentId", id);
        if (members > 0) {
            throw Rejected.conflict("department '" + id + "' still has " + members + " people; move them first");
        }
        e.delete();
    }

    private void validate(PersonInput in, String id) {
        Validation v = new Validation();
        v.require(ID.matcher(id).matches(), "id", "must be 1–64 letters, digits, '.', '_' or '-'");
        v.required(in.name(), "name").maxLength(in.name(), 200, "name").maxLength(in.nameEn(), 200, "nameEn");
        v.email(in.email(), "email").maxLength(in.email(), 254, "email");
        v.require(in.language() == null || LANGUAGES.contains(in.language()), "language", "must be ja or en");
        v.require(in.department() == null || in.department().isBlank()
                || DepartmentEntity.findById(in.department()) != null, "department",
                "no department '" + in.department() + "'");
        for (String role : nullToEmpty(in.roles())) {
            v.require(ContactRole.ofCode(role).isPresent(), "roles",
                    "unknown role '" + role + "' (expected operator, manager, supervisor, ciso)");
        }
        for (String endpoint : nullToEmpty(in.webhooks())) {
            v.require(endpoint != null && ENDPOINT.matcher(endpoint).matches(), "webhooks",
                    "'" + endpoint + "' is not an endpoint name (letters, digits, '.', '_', '-')");
        }
        v.require((in.email() != null && !in.email().isBlank()) || !nullToEmpty(in.webhooks()).isEmpty(),
                "email", "a person needs an e-mail address or a webhook endpoint to be notified");
        List<String> deputies = nullToEmpty(in.deputies());
        v.require(new HashSet<>(deputies).size() == deputies.size(), "deputies", "lists a person twice");
        for (String deputy : deputies) {
            v.require(!id.equals(deputy), "deputies", "a person cannot be their own deputy");
            v.require(id.equals(deputy) || PersonEntity.findById(deputy) != null, "deputies",
                    "no person '" + deputy + "'");
        }
        v.throwIfInvalid();
    }

    private void validate(DepartmentInput in) {
        Validation v = new Validation();
        v.require(in.id() != null && ID.matcher(in.id().trim()).matches(), "id",
                "must be 1–64 letters, digits, '.', '_' or '-'");
        v.required(in.name(), "name").maxLength(in.name(), 200, "name").maxLength(in.nameEn(), 200, "nameEn");
        v.require(in.managerId() == null || in.managerId().isBlank() || PersonEntity.findById(in.managerId()) != null,
                "managerId", "no person '" + in.managerId() + "'");
        v.throwIfInvalid();
    }

    private static void apply(PersonEntity e, PersonInput in) {
        e.name = in.name().trim();
        e.nameEn = blankToNull(in.nameEn());
        e.email = blankToNull(in.email());
        e.language = in.language() == null ? "ja" : in.language();
        e.departmentId = blankToNull(in.department());
        e.roles = new HashSet<>(nullToEmpty(in.roles()).stream().map(r -> ContactRole.ofCode(r).orElseThrow().code())
                .toList());
        e.webhooks = new HashSet<>(nullToEmpty(in.webhooks()));
        e.deputies = new ArrayList<>(new LinkedHashSet<>(nullToEmpty(in.deputies())));
        e.updatedAt = Instant.now();
    }

    private static void apply(DepartmentEntity e, DepartmentInput in) {
        e.name = in.name().trim();
        e.nameEn = blankToNull(in.nameEn());
        e.managerId = blankToNull(in.managerId());
        e.updatedAt = Instant.now();
    }

    private static PersonEntity findPerson(String id) {
        PersonEntity e = PersonEntity.findById(id);
        if (e == null) {
            throw Rejected.notFound("no person '" + id + "'");
        }
        return e;
    }

    private static DepartmentEntity findDepartment(String id) {
        DepartmentEntity e = DepartmentEntity.findById(id);
        if (e == null) {
            throw Rejected.notFound("no department '" + id + "'");
        }
        return e;
    }

    private static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
