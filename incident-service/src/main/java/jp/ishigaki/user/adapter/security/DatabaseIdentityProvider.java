package jp.ishigaki.user.adapter.security;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.user.application.UserAccounts;
import jp.ishigaki.user.domain.LoginOutcome;
import jp.ishigaki.user.domain.Role;

/**
 * Checks a username and password (HTTP Basic on the API, the console's form login) against the users in MariaDB,
 * with lockout; the roles become the identity's roles.
 */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final UserAccounts accounts;

    public DatabaseIdentityProvider(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            LoginOutcome outcome = accounts.login(request.getUsername(), request.getPassword().getPassword());
            if (outcome instanceof LoginOutcome.Accepted accepted) {
                QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(accepted.username()));
                accepted.roles().stream().map(Role::code).forEach(identity::addRole);
                return identity.build();
            }
            Log.infof("login refused for '%s': %s", printable(request.getUsername()),
                    ((LoginOutcome.Refused) outcome).cause());
            throw new AuthenticationFailedException();
        });
    }

    private static String printable(String s) {
        return s == null ? "" : s.replaceAll("[^\\p{Print}]", "?");
    }
}
