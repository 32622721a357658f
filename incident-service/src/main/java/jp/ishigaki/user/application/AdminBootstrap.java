package jp.ishigaki.user.application;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import jp.ishigaki.user.domain.Role;

import java.security.SecureRandom;
import java.util.Set;

/**
 * Creates the {@code admin} user at start-up when it does not exist: with the password from
 * {@code ISHIGAKI_ADMIN_PASSWORD}, or else a generated one printed once in a banner. There is no default password.
 */
@ApplicationScoped
public class AdminBootstrap {

    static final String ADMIN = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccounts accounts;
    private final AdminConfig config;

    public AdminBootstrap(UserAccounts accounts, AdminConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (accounts.exists(ADMIN)) {
            Log.debug("admin user exists; ISHIGAKI_ADMIN_PASSWORD is only used when it is first created");
            return;
        }
        String password = config.password().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = generate(Math.max(20, config.generatedLength()));
        } else if (password.length() < accounts.passwordMinLength()) {
            throw new IllegalStateException("ISHIGAKI_ADMIN_PASSWORD is shorter than "
                    + accounts.passwordMinLength() + " characters; refusing to create the admin user with it");
        }
        boolean created;
        try {
            created = accounts.createIfAbsent(ADMIN, password, Set.of(Role.ADMIN), "Administrator");
        } catch (PersistenceException e) {
            created = false; // another replica created it at the same moment
        }
        if (!created) {
            return;
        }
        if (generated) {
            Log.warn(banner(password));
        } else {
            Log.info("admin user created with the password from ISHIGAKI_ADMIN_PASSWORD");
        }
    }

    static String generate(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String banner(String password) {
        String rule = "=".repeat(78);
        return "\n" + rule + "\n"
                + "  Ishigaki: the initial administrator was created.\n\n"
                + "      user:     " + ADMIN + "\n"
                + "      password: " + password + "\n\n"
                + "  This password is shown ONCE and stored only as a bcrypt hash. Sign in and change it\n"
                + "  (PUT /api/me/password), or set ISHIGAKI_ADMIN_PASSWORD before the first start.\n"
                + rule;
    }
}
