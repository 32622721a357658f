package jp.ishigaki.user.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Login lockout and password rules ({@code ishigaki.auth.*}). */
@ConfigMapping(prefix = "ishigaki.auth")
public interface AuthConfig {

    /** Consecutive failed logins after which the account is locked. */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long a locked account stays locked. */
    @WithDefault("15M")
    Duration lockoutDuration();

    /** Minimum length of a password set through the API or the environment. */
    @WithDefault("12")
    int passwordMinLength();

    /**
     * Single sign-on: how the values of the token's role claim become Ishigaki roles, e.g.
     * {@code soc-team=operator,ciso-office=ciso}; unset, values that are Ishigaki role names count as they are.
     */
    Optional<String> oidcRoleMap();
}
