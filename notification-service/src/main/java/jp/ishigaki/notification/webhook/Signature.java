package jp.ishigaki.notification.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** The webhook signature: {@code sha256=<hex>} of HMAC-SHA256 over the raw request body, keyed by the endpoint secret. */
public final class Signature {

    public static final String HEADER = "X-Ishigaki-Signature";
    public static final String TIMESTAMP_HEADER = "X-Ishigaki-Timestamp";

    private Signature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
