package jp.ishigaki.user.adapter.security;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashSet;
import java.util.Set;

/**
 * The authentication of {@code /api} (path mechanism {@value #SCHEME}): HTTP Basic against the users in MariaDB and,
 * when single sign-on is enabled, an OIDC bearer token; never the console's session cookie.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The name that {@code quarkus.http.auth.permission.*.auth-mechanism} uses for this mechanism. */
    public static final String SCHEME = "api";

    private final BasicAuthenticationMechanism basic = new BasicAuthenticationMechanism("Quarkus", false);
    private final Instance<OidcAuthenticationMechanism> oidc;
    private final boolean oidcEnabled;

    public ApiAuthenticationMechanism(Instance<OidcAuthenticationMechanism> oidc,
                                      @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true")
                                      boolean oidcEnabled) {
        this.oidc = oidc;
        this.oidcEnabled = oidcEnabled;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (bearer(context)) {
            return oidcEnabled ? oidc.get().authenticate(context, identityProviderManager) : Uni.createFrom().nullItem();
        }
        return basic.authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (oidcEnabled && bearer(context)) {
            return oidc.get().getChallenge(context);
        }
        return basic.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        Set<Class<? extends AuthenticationRequest>> types = new HashSet<>(basic.getCredentialTypes());
        if (oidcEnabled) {
            types.addAll(oidc.get().getCredentialTypes());
        }
        return types;
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }

    private static boolean bearer(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
