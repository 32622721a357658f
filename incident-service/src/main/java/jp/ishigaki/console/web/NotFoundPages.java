package jp.ishigaki.console.web;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.ishigaki.common.ProblemDetail;
import jp.ishigaki.console.i18n.ConsoleLanguage;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a path that leads nowhere answers — a mistyped or stale URL (Quarkus REST hands an unmatched request to the
 * mapper of {@link NotFoundException}) or a resource that throws it: the console's own 404 page under
 * {@code /console} (standalone, in the user's language, with the way back to the queue), and problem+json
 * everywhere else (the API), instead of Vert.x's bare {@code <h1>Resource not found</h1>}.
 */
public class NotFoundPages {

    private final ConsoleLanguage language;

    public NotFoundPages(ConsoleLanguage language) {
        this.language = language;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        String path = uri.getPath();
        if (path.equals("/console") || path.startsWith("/console/")) {
            return Response.status(Response.Status.NOT_FOUND).type("text/html;charset=UTF-8")
                    .entity(ConsoleTemplates.unknownPage(language.lang()).setLocale(language.locale()))
                    .build();
        }
        return ProblemDetail.response(404, "Not found", "nothing at " + path, "NOT_FOUND");
    }
}
