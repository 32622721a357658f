package jp.ishigaki.platform.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.List;

/** A real SMTP server in this JVM (GreenMail) that keeps every message it receives. */
public final class MailSink implements AutoCloseable {

    private final GreenMail greenMail;
    private final int port;

    private MailSink(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    /** Starts an SMTP server on 127.0.0.1:port that accepts mail for any address. */
    public static MailSink start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new MailSink(greenMail, port);
    }

    public int port() {
        return port;
    }

    public List<MimeMessage> messages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Waits until at least {@code count} messages have arrived in total. */
    public boolean awaitMessages(int count, long timeoutMillis) {
        return greenMail.waitForIncomingEmail(timeoutMillis, count);
    }

    /** Stops accepting connections, to test delivery that survives an SMTP outage. */
    public void stop() {
        greenMail.stop();
    }

    /** Accepts connections again on the same port; messages received before {@link #stop()} are forgotten. */
    public void restart() {
        greenMail.start();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
