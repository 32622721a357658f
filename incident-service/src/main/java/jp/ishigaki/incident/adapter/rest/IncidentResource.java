package jp.ishigaki.incident.adapter.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.ishigaki.common.InvalidRequestException;
import jp.ishigaki.common.ProblemDetail;
import jp.ishigaki.escalation.EscalationClockRepository;
import jp.ishigaki.incident.adapter.persistence.IncidentQueries;
import jp.ishigaki.incident.adapter.persistence.IncidentQuery;
import jp.ishigaki.incident.application.IncidentNotFoundException;
import jp.ishigaki.incident.application.IncidentService;
import jp.ishigaki.incident.application.IncidentStore;
import jp.ishigaki.incident.application.IncidentsConfig;
import jp.ishigaki.incident.domain.Actor;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.incident.domain.ObligationRules;
import jp.ishigaki.incident.domain.OpenIncident;
import jp.ishigaki.timeline.TimelineChain;
import jp.ishigaki.timeline.TimelineRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The incident API (ARCHITECTURE.md "Incident service"): queue, detail, manual report, workflow commands, timeline. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "incidents")
@RolesAllowed({"operator", "manager", "supervisor", "ciso", "auditor", "admin"})
public class IncidentResource {

    static final String[] WRITERS = {"operator", "manager", "supervisor", "ciso", "admin"};
    private static final Pattern NUMBER = Pattern.compile("INC-\\d{4}-\\d{6}");

    private final IncidentQueries queries;
    private final IncidentStore store;
    private final IncidentService service;
    private final EscalationClockRepository clocks;
    private final TimelineRepository timeline;
    private final ObligationRules obligations;
    private final IncidentsConfig config;
    private final SecurityIdentity identity;
    private final Clock clock;

    public IncidentResource(IncidentQueries queries, IncidentStore store, IncidentService service,
                            EscalationClockRepository clocks, TimelineRepository timeline, ObligationRules obligations,
                            IncidentsConfig config, SecurityIdentity identity, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.service = service;
        this.clocks = clocks;
        this.timeline = timeline;
        this.obligations = obligations;
        this.config = config;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The incident queue: filtered (state=OPEN for all open states), sorted (severity, nextDue, "
            + "opened) and paged")
    public IncidentViews.Page<IncidentViews.Summary> list(
            @QueryParam("state") List<String> state, @QueryParam("severity") List<String> severity,
            @QueryParam("threat") List<String> threat, @QueryParam("threatGroup") List<String> threatGroup,
            @QueryParam("segment") List<String> segment, @QueryParam("assignee") String assignee,
            @QueryParam("acknowledged") String acknowledged, @QueryParam("q") String text,
            @QueryParam("sort") @DefaultValue("severity") String sort,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > config.maxPageSize()) {
            throw new InvalidRequestException("page must be ≥ 0 and size between 1 and " + config.maxPageSize());
        }
        Boolean ack = acknowledged == null || acknowledged.isBlank() ? null : switch (acknowledged.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidRequestException("acknowledged must be true or false");
        };
        IncidentQuery.Sort order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "severity" -> IncidentQuery.Sort.SEVERITY;
            case "nextdue", "next_due", "due" -> IncidentQuery.Sort.NEXT_DUE;
            case "opened", "openedat" -> IncidentQuery.Sort.OPENED;
            default -> throw new InvalidRequestException("unknown sort '" + sort + "' (expected severity, nextDue, opened)");
        };
        IncidentQuery query = new IncidentQuery(Params.states(state), Params.many(severity, Params::severity),
                Params.many(threat, Params::threat), Params.many(threatGroup, Params::threatGroup),
                Params.many(segment, Params::segment), assignee, ack, text, order, page, size);
        IncidentQueries.Result result = queries.find(query);
        return new IncidentViews.Page<>(result.rows().stream().map(IncidentViews.Summary::of).toList(), page, size,
                result.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One incident with its tasks, acknowledgement and escalation clock (id or INC number)")
    public IncidentViews.Detail get(@PathParam("id") String id) {
        Incident incident = find(id);
        return detail(incident);
    }

    @POST
    @RolesAllowed({"operator", "manager", "supervisor", "ciso", "admin"})
    @Operation(summary = "Report an incident by hand (policy §5)")
    public Response report(IncidentCommands.Report body, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidRequestException("a report body is required");
        }
        if (body.threat() == null || body.severity() == null) {
            throw new InvalidRequestException("threat and severity are required");
        }
        var threat = Params.threat(body.threat());
        var severity = Params.severity(body.severity());
        var segment = body.segment() == null ? null : Params.segment(body.segment());
        String actor = identity.getPrincipal().getName();
        Incident opened = QuarkusTransaction.requiringNew().call(() -> {
            IncidentService.Identity ident = service.newIdentity();
            OpenIncident cmd;
            try {
                cmd = new OpenIncident(ident.id(), ident.number(), Incident.Source.MANUAL, body.title(),
                        body.description(), threat, segment, severity, List.of(), false, null, null, 1, null, null,
                        actor, body.department(), body.affectedAssets(), Boolean.TRUE.equals(body.highlyClassifiedAsset()),
                        Boolean.TRUE.equals(body.serverRoom()), body.personalData(),
                        Boolean.TRUE.equals(body.ransomwareSuspected()));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(e.getMessage());
            }
            return service.open(cmd, actor);
        });
        return Response.created(uri.getAbsolutePathBuilder().path(opened.id()).build()).entity(detail(opened)).build();
    }

    @POST
    @Path("{id}/transitions")
    @RolesAllowed({"operator", "manager", "supervisor", "ciso", "admin"})
    @Operation(summary = "Move to another state under the guards of DOMAIN.md §5")
    public IncidentViews.Detail transition(@PathParam("id") String id, IncidentCommands.Transition body) {
        if (body == null || body.to() == null) {
            throw new InvalidRequestException("'to' (the target state) is required");
        }
        var target = Params.state(body.to());
        Actor actor = actor();
        return run(id, i -> i.transition(target, body.reason(), body.rootCause(), body.recurrencePrevention(), actor,
                clock.instant()));
    }

    @POST
    @Path("{id}/acknowledge")
    @RolesAllowed({"operator", "manager", "supervisor", "ciso", "admin"})
    @Operation(summary = "受領確認: take the incident; stops the escalation clock at the current level")
    public IncidentViews.Detail acknowledge(@PathParam("id") String id) {
        Actor actor = actor();
        return run(id, i -> i.acknowledge(actor, clock.instant()));
    }

    @POST
    @Path("{id}/assign")
    @RolesAllowed({"operator", "manager", "supervisor", "ciso", "admin"})
    @Operation(summary = "Assign a handler")
    public IncidentViews.Detail assign(@PathParam("id") String id, IncidentCommands.Assign body) {
        return run(id, i -> i.assign(body == null ? null : body.assignee()));
    }

    @POST
    @Path("{id}/comments")
    @RolesAllowed({"operator", "manager", "supervisor", "ciso", "admin"})
    @Operation(summary = "Add a comment to the timeline")
    public IncidentViews.Detail comment(@PathParam("id") String id, IncidentCommands.Comment body) {
        return run(id, i -> i.comment(body == null ? null : body.text()));
    }

    @POST
    @Path("{id}/assessment")
    @RolesAllowed({"operator", "manager", "supervisor", "ciso", "admin"})
    @Operation(summary = "Record the personal-data, ransomware and NIST impact assessment")
    public IncidentViews.Detail assess(@PathParam("id") String id, IncidentCommands.Assess body) {
        if (body == null) {
            throw new InvalidRequestException("an assessment body is required");
        }
        return run(id, i -> i.assess(body.personalData(), body.ransomwareSuspected(), body.impact(), obligations,
                clock.instant()));
    }

    @POST
    @Path("{id}/severity")
    @RolesAllowed({"operator", "manager", "supervisor", "ciso", "admin"})
    @Operation(summary = "Raise the severity (never lowers)")
    public IncidentViews.Detail raise(@PathParam("id") String id, IncidentCommands.RaiseSeverity body) {
        if (body == null || body.severity() == null) {
            throw new InvalidRequestException("severity is required");
        }
        var severity = Params.severity(body.severity());
        return run(id, i -> i.raiseSeverity(severity, body.reason(), obligations, clock.instant()));
    }

    @POST
    @Path("{id}/tasks/{code}/complete")
    @RolesAllowed({"operator", "manager", "supervisor", "ciso", "admin"})
    @Operation(summary = "Mark a task or reporting obligation done")
    public IncidentViews.Detail complete(@PathParam("id") String id, @PathParam("code") String code,
                                         IncidentCommands.TaskNote body) {
        Actor actor = actor();
        return run(id, i -> i.completeTask(code, body == null ? null : body.note(), actor, clock.instant()));
    }

    @POST
    @Path("{id}/tasks/{code}/waive")
    @RolesAllowed({"operator", "manager", "supervisor", "ciso", "admin"})
    @Operation(summary = "Waive a task or reporting obligation with a reason")
    public IncidentViews.Detail waive(@PathParam("id") String id, @PathParam("code") String code,
                                      IncidentCommands.TaskNote body) {
        Actor actor = actor();
        return run(id, i -> i.waiveTask(code, body == null ? null : body.reason(), actor, clock.instant()));
    }

    @POST
    @Path("{id}/escalate")
    @RolesAllowed({"operator", "manager", "supervisor", "ciso", "admin"})
    @Operation(summary = "Escalate by hand to the next level of the chain")
    public IncidentViews.Detail escalate(@PathParam("id") String id, IncidentCommands.Escalate body) {
        Incident incident = service.escalateManually(resolveId(id), actor(), body == null ? null : body.reason());
        return detail(incident);
    }

    @POST
    @Path("{id}/merge")
    @RolesAllowed({"operator", "manager", "supervisor", "ciso", "admin"})
    @Operation(summary = "Merge this incident into another; this one ends as DISMISSED")
    public IncidentViews.Detail merge(@PathParam("id") String id, IncidentCommands.Merge body) {
        if (body == null || body.into() == null || body.into().isBlank()) {
            throw new InvalidRequestException("'into' (the incident to merge into) is required");
        }
        Incident target = service.merge(resolveId(id), resolveId(body.into()), actor());
        return detail(target);
    }

    @GET
    @Path("{id}/timeline")
    @Operation(summary = "The append-only, hash-chained timeline")
    public List<IncidentViews.Entry> timeline(@PathParam("id") String id) {
        return timeline.entries(resolveId(id)).stream().map(IncidentViews.Entry::of).toList();
    }

    @GET
    @Path("{id}/timeline/verify")
    @Operation(summary = "Verify the hash chain; reports the first broken link")
    public IncidentViews.Verification verify(@PathParam("id") String id) {
        String resolved = resolveId(id);
        return IncidentViews.Verification.of(resolved, TimelineChain.verify(timeline.entries(resolved)));
    }

    /** Requests this resource cannot read (malformed JSON, wrong media type) as problem+json, never an HTML page. */
    @ServerExceptionMapper
    public Response unreadable(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return ProblemDetail.response(500, "Internal error", "the request could not be processed", "INTERNAL");
        }
        String detail = status == 400 ? "the request body is not valid JSON for this endpoint"
                : status == 415 ? "send the request body as application/json"
                : Response.Status.fromStatusCode(status) == null ? "request refused"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return ProblemDetail.response(status, "Invalid request", detail, "INVALID_REQUEST");
    }

    private IncidentViews.Detail run(String id, java.util.function.Function<Incident, jp.ishigaki.incident.domain.Outcome> command) {
        return detail(service.execute(resolveId(id), actor(), command));
    }

    private IncidentViews.Detail detail(Incident incident) {
        var clockView = clocks.find(incident.id())
                .map(c -> new IncidentViews.ClockView(c.dueAt(), c.level(), c.kind(), List.copyOf(c.roles())))
                .orElse(null);
        return IncidentViews.Detail.of(incident, clockView);
    }

    private Incident find(String id) {
        if (NUMBER.matcher(id).matches()) {
            return store.findByNumber(id).orElseThrow(() -> new IncidentNotFoundException(id));
        }
        return store.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
    }

    private String resolveId(String id) {
        return find(id).id();
    }

    private Actor actor() {
        return new Actor(identity.getPrincipal().getName(), identity.getRoles());
    }
}
