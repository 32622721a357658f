package jp.ishigaki.contact.adapter.rest;

import jp.ishigaki.contact.domain.ContactRole;
import jp.ishigaki.contact.domain.Person;

import java.time.Instant;
import java.util.List;

/** A person as the contacts API shows them; {@code availableNow} applies the end of an absence. */
public record PersonView(String id, String name, String nameEn, String email, String language, String department,
                         List<String> roles, List<String> webhooks, List<String> deputies, boolean available,
                         String unavailableReason, Instant unavailableUntil, boolean availableNow) {

    static PersonView of(Person p) {
        return new PersonView(p.id(), p.name(), p.nameEn(), p.email(), p.language(), p.departmentId(),
                p.roles().stream().sorted().map(ContactRole::code).toList(), p.webhooks(), p.deputies(),
                p.availability().available(), p.availability().reason(), p.availability().until(),
                p.availability().availableAt(Instant.now()));
    }
}
