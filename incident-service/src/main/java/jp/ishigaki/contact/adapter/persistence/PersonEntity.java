package jp.ishigaki.contact.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jp.ishigaki.contact.domain.Availability;
import jp.ishigaki.contact.domain.ContactRole;
import jp.ishigaki.contact.domain.Person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Row of {@code contact_person} with its roles, webhook endpoints and ordered deputies. */
@Entity
@Table(name = "contact_person")
public class PersonEntity extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Column(name = "name_en")
    public String nameEn;

    public String email;

    public String language;

    @Column(name = "department_id")
    public String departmentId;

    public boolean available;

    @Column(name = "unavailable_reason")
    public String unavailableReason;

    @Column(name = "unavailable_until")
    public Instant unavailableUntil;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role")
    public Set<String> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_person_webhook", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "endpoint")
    public Set<String> webhooks = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_deputy", joinColumns = @JoinColumn(name = "person_id"))
    @OrderColumn(name = "position")
    @Column(name = "deputy_id")
    public List<String> deputies = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Person toPerson() {
        Set<ContactRole> roleSet = roles.stream().map(ContactRole::ofCode).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        Availability availability = available ? Availability.AVAILABLE
                : Availability.unavailable(unavailableReason, unavailableUntil);
        return new Person(id, name, nameEn, email, language, departmentId, roleSet,
                webhooks.stream().sorted().toList(), deputies, availability);
    }
}
