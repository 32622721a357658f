package jp.ishigaki.user.domain;

import java.util.Set;

/** The result of checking a username and password: accepted with the user's roles, or refused with the cause. */
public sealed interface LoginOutcome {

    record Accepted(String username, Set<Role> roles) implements LoginOutcome {
    }

    /** Refused; {@code cause} is for the server log only, never for the client (no user enumeration). */
    record Refused(String cause) implements LoginOutcome {
    }
}
