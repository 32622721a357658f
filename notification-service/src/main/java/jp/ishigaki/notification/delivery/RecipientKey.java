package jp.ishigaki.notification.delivery;

import jp.ishigaki.schemas.notification.Channel;
import jp.ishigaki.schemas.notification.Recipient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The identity of a recipient within a notice (channel + address), hashed to a fixed-width key for the log. */
public final class RecipientKey {

    private RecipientKey() {
    }

    public static String of(Recipient recipient) {
        String address = recipient.address().trim();
        if (recipient.channel() == Channel.EMAIL) {
            address = address.toLowerCase(Locale.ROOT);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((recipient.channel().name() + "\n" + address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
