package jp.ishigaki.console.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import jp.ishigaki.console.i18n.ConsoleLanguage;
import jp.ishigaki.console.i18n.ConsoleMessages;
import jp.ishigaki.console.policy.PolicyCatalogue;
import jp.ishigaki.console.policy.PolicyClause;
import jp.ishigaki.console.policy.PolicyRef;
import jp.ishigaki.console.queue.IncidentBoard;
import jp.ishigaki.console.queue.QueueFilter;
import jp.ishigaki.schemas.incident.IncidentEvent;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

/** The console's pages: queue, incident detail and the policy catalogue (server-rendered, htmx fragments). */
@Path("/console")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ConsolePages {

    private final IncidentBoard board;
    private final PolicyCatalogue catalogue;
    private final ConsoleLanguage language;
    private final ConsoleMessages msg;
    private final SecurityIdentity identity;

    public ConsolePages(IncidentBoard board, PolicyCatalogue catalogue, ConsoleLanguage language,
                        ConsoleMessages msg, SecurityIdentity identity) {
        this.board = board;
        this.catalogue = catalogue;
        this.language = language;
        this.msg = msg;
        this.identity = identity;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/console/incidents")).build();
    }

    @GET
    @Path("/incidents")
    public TemplateInstance queue(@BeanParam QueueParams params, @Context UriInfo uri) {
        QueueFilter filter = params.filter();
        return localised(ConsoleTemplates.queue(page(title("nav_queue"), "queue", uri), filter, rows(filter),
                catalogue.threats()));
    }

    /** The queue's table alone: htmx reloads it when the event stream says an incident changed. */
    @GET
    @Path("/incidents/table")
    public TemplateInstance queueTable(@BeanParam QueueParams params, @Context UriInfo uri) {
        return localised(ConsoleTemplates.queueTable(page(title("nav_queue"), "queue", uri), rows(params.filter())));
    }

    @GET
    @Path("/incidents/{id}")
    public Response detail(@PathParam("id") String id, @Context UriInfo uri) {
        Page page = page(title("nav_queue"), "queue", uri);
        return board.latest(id)
                .map(latest -> Response.ok(localised(ConsoleTemplates.detail(page,
                        IncidentRow.of(latest, board.first(id).orElse(latest), formats()),
                        board.history(id).stream().map(e -> EventRow.of(e, formats())).toList()))).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(localised(ConsoleTemplates.notFound(page))).build());
    }

    @GET
    @Path("/policy")
    public TemplateInstance policy(@Context UriInfo uri) {
        return localised(ConsoleTemplates.policy(page(title("nav_policy"), "policy", uri), catalogue.clauses(),
                catalogue.threats(), catalogue.controls()));
    }

    /** The side panel's content for one clause: its text and every threat and control under it. */
    @GET
    @Path("/policy/panel/{anchor}")
    public TemplateInstance policyPanel(@PathParam("anchor") String anchor) {
        PolicyClause clause = catalogue.byAnchor(anchor).orElseThrow(NotFoundException::new);
        List<PolicyRef> refs = Stream.concat(catalogue.threats().stream(), catalogue.controls().stream())
                .filter(r -> r.clause().equals(clause)).toList();
        return localised(ConsoleTemplates.policyPanel(language.lang(), clause, refs));
    }

    private List<IncidentRow> rows(QueueFilter filter) {
        Formats f = formats();
        return board.queue(filter).stream()
                .map((IncidentEvent e) -> IncidentRow.of(e, board.first(e.incidentId()).orElse(e), f))
                .toList();
    }

    private Formats formats() {
        return new Formats(language.english(), catalogue);
    }

    private String title(String key) {
        return switch (key) {
            case "nav_policy" -> language.english() ? "Security policy" : "情報セキュリティ基本方針";
            default -> language.english() ? "Incident queue" : "インシデント一覧";
        };
    }

    private Page page(String title, String active, UriInfo uri) {
        String other = language.english() ? "ja" : "en";
        URI switched = uri.getRequestUriBuilder().replaceQueryParam("lang", other).build();
        String href = switched.getRawPath() + (switched.getRawQuery() == null ? "" : "?" + switched.getRawQuery());
        return new Page(language.lang(), title, active, identity.getPrincipal().getName(), identity.getRoles(), href);
    }

    private TemplateInstance localised(TemplateInstance instance) {
        return instance.setLocale(language.locale());
    }
}
