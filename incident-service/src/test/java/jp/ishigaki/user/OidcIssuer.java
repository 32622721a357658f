package jp.ishigaki.user;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A minimal OpenID Connect provider in the test JVM (the JDK's HttpServer): discovery document and JWKS of a fresh RSA
 * key, so the service validates real signed tokens without Docker or Keycloak. {@link #token} signs one.
 */
public class OidcIssuer implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "ishigaki-incident-service";
    private static volatile RsaJsonWebKey key;
    private static volatile String issuer;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(UUID.randomUUID().toString());
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/ishigaki";
            String discovery = """
                    {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                     "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                     "token_endpoint":"%1$s/protocol/openid-connect/token",
                     "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer);
            String jwks = new JsonWebKeySet(key).toJson();
            server.createContext("/realms/ishigaki/.well-known/openid-configuration", ex -> reply(ex, discovery));
            server.createContext("/realms/ishigaki/protocol/openid-connect/certs", ex -> reply(ex, jwks));
            server.start();
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("cannot start the test OIDC provider", e);
        }
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.token.audience", CLIENT_ID);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A signed access token of this provider for {@code user} with these realm roles and groups. */
    static String token(String user, List<String> realmRoles, List<String> groups) {
        return sign(user, realmRoles, groups, key, issuer);
    }

    /** The same token signed by a key the provider never published. */
    static String forgedToken(String user, List<String> realmRoles) {
        try {
            RsaJsonWebKey other = RsaJwkGenerator.generateJwk(2048);
            other.setKeyId(key.getKeyId());
            return sign(user, realmRoles, List.of(), other, issuer);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String user, List<String> realmRoles, List<String> groups, RsaJsonWebKey signer,
                               String iss) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(iss);
        claims.setAudience(CLIENT_ID);
        claims.setSubject(UUID.randomUUID().toString());
        claims.setClaim("preferred_username", user);
        claims.setClaim("upn", user);
        claims.setClaim("realm_access", Map.of("roles", realmRoles));
        claims.setClaim("groups", groups);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signer.getPrivateKey());
        jws.setKeyIdHeaderValue(signer.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
