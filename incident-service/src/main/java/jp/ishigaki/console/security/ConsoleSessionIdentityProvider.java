package jp.ishigaki.console.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.user.application.UserAccounts;
import jp.ishigaki.user.domain.Role;
import jp.ishigaki.user.domain.UserAccount;

import java.time.Instant;

/**
 * Restores the console's signed-in user from the form-login session cookie on every request: the account must still
 * exist, be enabled and not be locked, and its current roles apply (a role removed takes effect at once).
 */
@ApplicationScoped
public class ConsoleSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final UserAccounts accounts;

    public ConsoleSessionIdentityProvider(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String name = request.getPrincipal();
            if (name == null || !accounts.exists(name)) {
                throw new AuthenticationFailedException();
            }
            UserAccount account = accounts.get(name);
            if (!account.enabled() || account.lockedAt(Instant.now())) {
                throw new AuthenticationFailedException();
            }
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(account.username()));
            account.roles().stream().map(Role::code).forEach(identity::addRole);
            return identity.build();
        });
    }
}
