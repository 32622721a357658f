package jp.ishigaki.incident.domain;

import java.util.Set;

/** Who does something to an incident: an authenticated user with roles, or the system itself. */
public record Actor(String name, Set<String> roles) {

    public static final Actor SYSTEM = new Actor("system", Set.of("system"));

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("actor name is required");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasAnyRole(Set<String> wanted) {
        return roles.contains("system") || roles.stream().anyMatch(wanted::contains);
    }
}
