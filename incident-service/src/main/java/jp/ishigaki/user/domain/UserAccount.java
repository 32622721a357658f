package jp.ishigaki.user.domain;

import java.time.Instant;
import java.util.Set;

/** A user as the application sees it: never carries the password hash. */
public record UserAccount(
        String username,
        String displayName,
        Set<Role> roles,
        boolean enabled,
        int failedLogins,
        Instant lockedUntil,
        String personId,
        Instant createdAt,
        Instant updatedAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
