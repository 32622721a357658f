package jp.ishigaki.notification;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jp.ishigaki.platform.testing.SmtpTestResource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Reading the test SMTP server: messages to one address, their text and HTML parts. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<MimeMessage> to(String address) {
        return SmtpTestResource.mailSink().messages().stream().filter(m -> isTo(m, address)).toList();
    }

    /** Waits until at least {@code count} messages to the address arrived; returns them all. */
    public static List<MimeMessage> await(String address, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<MimeMessage> found = to(address);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            sleep(50);
            found = to(address);
        }
        return found;
    }

    public static String part(MimeMessage message, String mimeType) {
        try {
            return find(message.getContent(), mimeType);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Object content, String mimeType) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(mimeType)) {
                    return (String) part.getContent();
                }
                String nested = find(part.getContent(), mimeType);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] all = message.getAllRecipients();
            return all != null && Arrays.stream(all).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Recipients in the To/Cc/Bcc headers. */
    public static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getRecipients(Message.RecipientType.TO);
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
