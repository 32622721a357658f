package jp.ishigaki.console.web;

import io.quarkus.security.identity.SecurityIdentity;

import java.util.Set;

/** Which console users may change incidents: everyone but the read-only auditor (DOMAIN.md §6, policy §7). */
final class Roles {

    /** The roles that may act on incidents; the same set the incident API allows to write. */
    static final Set<String> WRITERS = Set.of("operator", "manager", "supervisor", "ciso", "admin");

    private Roles() {
    }

    static boolean canAct(SecurityIdentity identity) {
        return identity.getRoles().stream().anyMatch(WRITERS::contains);
    }
}
