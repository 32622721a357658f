package jp.ishigaki.user.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The initial administrator ({@code ishigaki.admin.*}; the password from env {@code ISHIGAKI_ADMIN_PASSWORD}). */
@ConfigMapping(prefix = "ishigaki.admin")
public interface AdminConfig {

    /** Password of {@code admin} when the account is first created; a random one is generated when absent. */
    Optional<String> password();

    /** Length of a generated admin password. */
    @WithDefault("24")
    int generatedLength();
}
