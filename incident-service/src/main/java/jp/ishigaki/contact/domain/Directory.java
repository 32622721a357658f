package jp.ishigaki.contact.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A snapshot of the contacts with the rule that picks who is told (DOMAIN.md §6): the holders of each role (for
 * {@code manager}, the department's), an unavailable holder replaced by their first available deputy.
 */
public final class Directory {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private final Map<String, Person> people;
    private final List<Department> departments;

    public Directory(List<Person> people, List<Department> departments) {
        this.people = people.stream().collect(Collectors.toMap(Person::id, Function.identity(), (a, b) -> a));
        this.departments = List.copyOf(departments);
    }

    /** Who receives a notice for these roles, in escalation order then by name; each person at most once per role. */
    public List<Assignment> assign(Set<ContactRole> roles, String department, Instant now) {
        List<Assignment> result = new ArrayList<>();
        for (ContactRole role : ContactRole.values()) {
            if (!roles.contains(role)) {
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Person holder : holders(role, department)) {
                assignment(role, holder, now).filter(a -> seen.add(a.person().id())).ifPresent(result::add);
            }
        }
        return result;
    }

    /** The holders of a role, before availability: sorted by name. */
    public List<Person> holders(ContactRole role, String department) {
        if (role == ContactRole.MANAGER) {
            Optional<Department> dept = departments.stream().filter(d -> d.isNamed(department)).findFirst();
            if (dept.isPresent()) {
                Person appointed = dept.get().managerId() == null ? null : people.get(dept.get().managerId());
                if (appointed != null) {
                    return List.of(appointed);
                }
                List<Person> inDepartment = withRole(role).stream()
                        .filter(p -> dept.get().id().equals(p.departmentId())).toList();
                if (!inDepartment.isEmpty()) {
                    return inDepartment;
                }
            }
        }
        return withRole(role);
    }

    private List<Person> withRole(ContactRole role) {
        return people.values().stream().filter(p -> p.roles().contains(role))
                .sorted(Comparator.comparing(Person::name).thenComparing(Person::id)).toList();
    }

    private Optional<Assignment> assignment(ContactRole role, Person holder, Instant now) {
        if (holder.availability().availableAt(now)) {
            return Optional.of(new Assignment(role, holder, null, null));
        }
        return holder.deputies().stream().map(people::get)
                .filter(d -> d != null && !d.id().equals(holder.id()) && d.availability().availableAt(now))
                .findFirst()
                .map(deputy -> new Assignment(role, deputy, holder, absenceReason(holder.availability())));
    }

    static String absenceReason(Availability a) {
        String reason = a.reason() == null || a.reason().isBlank() ? "不在" : a.reason();
        return a.until() == null ? reason : reason + "（" + UNTIL.format(a.until()) + " まで）";
    }

    public Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }
}
