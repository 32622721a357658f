package jp.ishigaki.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server (the JDK's) that receives webhooks the way a partner system would: it verifies the HMAC
 * signature independently of the service's code and answers 401 when it does not match. Endpoints: {@code soc-generic},
 * {@code soc-slack}, {@code soc-teams} (accept) and {@code broken} (503, always).
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    /** A request as received. */
    public record Received(String endpoint, Map<String, List<String>> headers, byte[] body, boolean signatureValid) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final String SECRET = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
    private static HttpServer server;

    public static List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    /** The generic endpoint's secret, known to the receiver only through configuration as in production. */
    public static String secret() {
        return SECRET;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hooks/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/";
        return Map.ofEntries(
                Map.entry("ishigaki.webhooks.\"soc-generic\".url", base + "soc-generic"),
                Map.entry("ishigaki.webhooks.\"soc-generic\".secret", SECRET),
                Map.entry("ishigaki.webhooks.\"soc-generic\".format", "generic"),
                Map.entry("ishigaki.webhooks.\"soc-slack\".url", base + "soc-slack"),
                Map.entry("ishigaki.webhooks.\"soc-slack\".format", "slack"),
                Map.entry("ishigaki.webhooks.\"soc-teams\".url", base + "soc-teams"),
                Map.entry("ishigaki.webhooks.\"soc-teams\".format", "teams"),
                Map.entry("ishigaki.webhooks.\"broken\".url", base + "broken"),
                Map.entry("ishigaki.webhooks.\"broken\".secret", SECRET),
                Map.entry("ishigaki.webhooks.\"broken\".timeout", "3s"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String endpoint = exchange.getRequestURI().getPath().substring("/hooks/".length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst("X-Ishigaki-Signature");
        boolean valid = signature != null && MessageDigest.isEqual(
                signature.getBytes(StandardCharsets.US_ASCII), expected(body).getBytes(StandardCharsets.US_ASCII));
        RECEIVED.add(new Received(endpoint, Map.copyOf(exchange.getRequestHeaders()), body, valid));
        int status;
        if (endpoint.equals("broken")) {
            status = 503;
        } else if (endpoint.equals("soc-generic") && !valid) {
            status = 401;
        } else {
            status = 200;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static String expected(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
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
