package jp.ishigaki.console.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.ishigaki.console.i18n.ConsoleLanguage;
import jp.ishigaki.console.policy.PolicyCatalogue;
import jp.ishigaki.console.policy.PolicyClause;
import jp.ishigaki.console.policy.PolicyRef;
import jp.ishigaki.console.queue.QueueFilter;
import jp.ishigaki.escalation.EscalationClockRepository;
import jp.ishigaki.incident.adapter.persistence.IncidentQueries;
import jp.ishigaki.incident.application.IncidentStore;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.timeline.TimelineRepository;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The console's read pages: queue, incident detail and the policy catalogue (server-rendered, htmx fragments). */
@Path("/console")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ConsolePages {

    private static final Pattern NUMBER = Pattern.compile("INC-\\d{4}-\\d{6}");

    private final IncidentQueries queries;
    private final IncidentStore store;
    private final EscalationClockRepository clocks;
    private final TimelineRepository timeline;
    private final PolicyCatalogue catalogue;
    private final IncidentEvidences evidence;
    private final ConsoleLanguage language;
    private final SecurityIdentity identity;
    private final PageContext pages;
    private final Clock clock;

    public ConsolePages(IncidentQueries queries, IncidentStore store, EscalationClockRepository clocks,
                        TimelineRepository timeline, PolicyCatalogue catalogue, IncidentEvidences evidence,
                        ConsoleLanguage language, SecurityIdentity identity, PageContext pages, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.clocks = clocks;
        this.timeline = timeline;
        this.catalogue = catalogue;
        this.evidence = evidence;
        this.language = language;
        this.identity = identity;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/console/incidents")).build();
    }

    @GET
    @Path("/incidents")
    public TemplateInstance queue(@BeanParam QueueParams params, @Context UriInfo uri) {
        QueueFilter filter = params.filter();
        return localised(ConsoleTemplates.queue(page(language.english() ? "Incident queue" : "インシデント一覧",
                "queue", uri), filter, rows(filter), catalogue.threats()));
    }

    /** The queue's table alone: htmx reloads it when the event stream says an incident changed. */
    @GET
    @Path("/incidents/table")
    public TemplateInstance queueTable(@BeanParam QueueParams params, @Context UriInfo uri) {
        return localised(ConsoleTemplates.queueTable(page("", "queue", uri), rows(params.filter())));
    }

    @GET
    @Path("/incidents/{id}")
    @Transactional
    public Response detail(@PathParam("id") String id, @QueryParam("error") String error, @Context UriInfo uri) {
        Optional<Incident> incident = NUMBER.matcher(id).matches() ? store.findByNumber(id) : store.find(id);
        if (incident.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(localised(ConsoleTemplates.notFound(page("404", "queue", uri)))).build();
        }
        Incident i = incident.get();
        Formats f = formats();
        IncidentDetail view = IncidentDetail.of(i, clocks.find(i.id()), timeline.entries(i.id()), f, clock.instant());
        return Response.ok(localised(ConsoleTemplates.detail(page(i.number(), "queue", uri), view,
                evidence.load(i, f), Roles.canAct(identity), error))).build();
    }

    @GET
    @Path("/policy")
    public TemplateInstance policy(@Context UriInfo uri) {
        return localised(ConsoleTemplates.policy(page(language.english() ? "Security policy" : "情報セキュリティ基本方針",
                "policy", uri), catalogue.clauses(), catalogue.threats(), catalogue.controls()));
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
        return queries.find(filter.toQuery()).rows().stream().map(e -> IncidentRow.of(e, f)).toList();
    }

    private Formats formats() {
        return new Formats(language.english(), catalogue);
    }

    private Page page(String title, String active, UriInfo uri) {
        return pages.page(title, active, uri);
    }

    private TemplateInstance localised(TemplateInstance instance) {
        return instance.setLocale(language.locale());
    }
}
