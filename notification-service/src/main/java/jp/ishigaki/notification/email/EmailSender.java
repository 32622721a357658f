package jp.ishigaki.notification.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.notification.config.DeliveryConfig;
import jp.ishigaki.notification.delivery.DeliveryException;
import jp.ishigaki.notification.delivery.Sender;
import jp.ishigaki.notification.notice.Notice;
import jp.ishigaki.notification.notice.Notices;
import jp.ishigaki.schemas.notification.Channel;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.Recipient;

import java.util.regex.Pattern;

/** Sends a notice as a multipart (text + HTML) e-mail over SMTP with the reactive Quarkus Mailer. */
@ApplicationScoped
public class EmailSender implements Sender {

    /** One address, no display name, no line breaks: enough to refuse header injection and obvious garbage. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>\",;]+@[^\\s@<>\",;]+");

    private final ReactiveMailer mailer;
    private final EmailRenderer renderer;
    private final DeliveryConfig config;

    public EmailSender(ReactiveMailer mailer, EmailRenderer renderer, DeliveryConfig config) {
        this.mailer = mailer;
        this.renderer = renderer;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(NotificationRequest request, Recipient recipient, int attempt) throws DeliveryException {
        String address = recipient.address() == null ? "" : recipient.address().trim();
        if (!ADDRESS.matcher(address).matches()) {
            throw new DeliveryException("not an e-mail address", true);
        }
        Notice notice = Notices.of(request, recipient);
        EmailRenderer.RenderedEmail email = renderer.render(notice);
        Mail mail = Mail.withText(address, email.subject(), email.text())
                .setHtml(email.html())
                .addHeader("Auto-Submitted", "auto-generated")
                .addHeader("X-Ishigaki-Notification-Id", Notices.oneLine(request.id()))
                .addHeader("X-Ishigaki-Incident", Notices.oneLine(request.incidentNumber()));
        try {
            mailer.send(mail).await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            throw new DeliveryException("SMTP: " + describe(e), false);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + Notices.oneLine(message));
    }
}
