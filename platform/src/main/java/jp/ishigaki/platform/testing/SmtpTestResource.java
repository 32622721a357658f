package jp.ishigaki.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.ishigaki.platform.Ports;
import jp.ishigaki.platform.mail.MailSink;

import java.util.Map;

/** A real SMTP server (GreenMail, in-process) for {@code @QuarkusTest}s; {@link #mailSink()} gives the messages. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static MailSink sink;

    /** The SMTP server of this JVM (starts it on first use). */
    public static synchronized MailSink mailSink() {
        if (sink == null) {
            sink = MailSink.start(Ports.free());
            Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "mail-sink-stop"));
        }
        return sink;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(mailSink().port()),
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stops at JVM exit.
    }
}
