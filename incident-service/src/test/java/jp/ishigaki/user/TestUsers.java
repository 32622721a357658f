package jp.ishigaki.user;

import io.quarkus.arc.Arc;
import jp.ishigaki.user.application.UserAccounts;
import jp.ishigaki.user.domain.Role;

import java.util.Set;
import java.util.UUID;

/** Creates users for tests, each with a fresh random password; call from inside a {@code @QuarkusTest}. */
public final class TestUsers {

    /** A user's name and password for HTTP Basic. */
    public record Credentials(String username, String password) {
    }

    private TestUsers() {
    }

    public static Credentials create(Role... roles) {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        Arc.container().instance(UserAccounts.class).get()
                .createIfAbsent(username, password, Set.of(roles), "Test " + username);
        return new Credentials(username, password);
    }
}
