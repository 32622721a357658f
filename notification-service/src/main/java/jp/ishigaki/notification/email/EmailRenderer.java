package jp.ishigaki.notification.email;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.notification.notice.Notice;

/** Renders a notice as an e-mail in the recipient's language: Qute templates, plain text and HTML (escaped). */
@ApplicationScoped
public class EmailRenderer {

    private final Engine engine;

    public EmailRenderer(Engine engine) {
        this.engine = engine;
    }

    public RenderedEmail render(Notice notice) {
        String base = "email/notice-" + notice.language();
        return new RenderedEmail(
                notice.subject(),
                engine.getTemplate(base + ".txt").data("notice", notice).render(),
                engine.getTemplate(base + ".html").data("notice", notice).render());
    }

    /** Subject (one line), plain-text body and HTML body. */
    public record RenderedEmail(String subject, String text, String html) {
    }
}
