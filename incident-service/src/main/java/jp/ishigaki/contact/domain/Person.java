package jp.ishigaki.contact.domain;

import java.util.List;
import java.util.Set;

/**
 * Someone who may be notified: name (Japanese is fine), channels (an e-mail address and named webhook endpoints of
 * notification-service), preferred language, roles, department, ordered deputies (代理者) and availability.
 */
public record Person(
        String id,
        String name,
        String nameEn,
        String email,
        String language,
        String departmentId,
        Set<ContactRole> roles,
        List<String> webhooks,
        List<String> deputies,
        Availability availability) {

    public Person {
        roles = Set.copyOf(roles);
        webhooks = List.copyOf(webhooks);
        deputies = List.copyOf(deputies);
        availability = availability == null ? Availability.AVAILABLE : availability;
    }

    public boolean hasChannel() {
        return (email != null && !email.isBlank()) || !webhooks.isEmpty();
    }
}
