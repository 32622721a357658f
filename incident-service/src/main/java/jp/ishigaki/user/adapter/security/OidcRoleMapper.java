package jp.ishigaki.user.adapter.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.user.application.AuthConfig;
import jp.ishigaki.user.domain.Role;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roles of a single sign-on (OIDC) user: the values of the token's role claim, translated by
 * {@code ishigaki.auth.oidc-role-map} when it is set, else taken as they are; anything that is not one of Ishigaki's
 * roles is dropped, so an identity provider's own roles grant nothing here.
 */
@ApplicationScoped
public class OidcRoleMapper implements SecurityIdentityAugmentor {

    private final Map<String, Set<String>> map;

    public OidcRoleMapper(AuthConfig config) {
        this.map = OidcRoleMap.parse(config.oidcRoleMap().orElse(""));
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = OidcRoleMap.roles(map, identity.getRoles());
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(roles)
                .build());
    }

    @Override
    public int priority() {
        return 10;
    }

    /** Kept apart from the augmentor so that it is plain code. */
    static final class OidcRoleMap {

        private OidcRoleMap() {
        }

        /** {@code "soc-team=operator, ciso-office=ciso"} → soc-team → {operator}, …; unknown Ishigaki roles refused. */
        static Map<String, Set<String>> parse(String spec) {
            Map<String, LinkedHashSet<String>> out = new LinkedHashMap<>();
            for (String pair : spec.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException("ishigaki.auth.oidc-role-map: expected idp-role=ishigaki-role, got '"
                            + pair.strip() + "'");
                }
                String role = pair.substring(eq + 1).strip();
                Role known = Role.ofCode(role).orElseThrow(() -> new IllegalArgumentException(
                        "ishigaki.auth.oidc-role-map: '" + role + "' is not a role (operator, manager, supervisor, "
                                + "ciso, auditor, admin)"));
                out.computeIfAbsent(pair.substring(0, eq).strip(), k -> new LinkedHashSet<>()).add(known.code());
            }
            Map<String, Set<String>> frozen = new LinkedHashMap<>();
            out.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
            return Map.copyOf(frozen);
        }

        static Set<String> roles(Map<String, Set<String>> map, Set<String> claimed) {
            Set<String> out = new TreeSet<>();
            for (String value : claimed) {
                if (map.isEmpty()) {
                    Role.ofCode(value).filter(r -> r.code().equals(value)).ifPresent(r -> out.add(r.code()));
                } else {
                    out.addAll(map.getOrDefault(value, Set.of()));
                }
            }
            return Set.copyOf(out);
        }
    }
}
