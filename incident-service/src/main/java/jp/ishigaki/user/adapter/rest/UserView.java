package jp.ishigaki.user.adapter.rest;

import jp.ishigaki.user.domain.Role;
import jp.ishigaki.user.domain.UserAccount;

import java.time.Instant;
import java.util.List;

/** A user as the API shows it (never a password hash). */
public record UserView(String username, String displayName, List<String> roles, boolean enabled, boolean locked,
                       Instant lockedUntil, int failedLogins, String personId, Instant createdAt,
                       Instant updatedAt) {

    static UserView of(UserAccount a) {
        Instant now = Instant.now();
        return new UserView(a.username(), a.displayName(), a.roles().stream().sorted().map(Role::code).toList(),
                a.enabled(), a.lockedAt(now), a.lockedAt(now) ? a.lockedUntil() : null, a.failedLogins(),
                a.personId(), a.createdAt(), a.updatedAt());
    }
}
