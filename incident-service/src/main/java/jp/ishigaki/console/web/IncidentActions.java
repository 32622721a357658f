package jp.ishigaki.console.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jp.ishigaki.incident.application.IncidentNotFoundException;
import jp.ishigaki.incident.application.IncidentRejectedException;
import jp.ishigaki.incident.application.IncidentService;
import jp.ishigaki.incident.application.IncidentStore;
import jp.ishigaki.incident.domain.Actor;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.incident.domain.Outcome;
import jp.ishigaki.schemas.incident.IncidentState;

import java.time.Clock;
import java.util.function.Function;

/**
 * The incident detail page's forms (CSRF-checked): acknowledge, assign, transition, comment, complete or waive a
 * task, escalate and merge. Each calls the incident core's {@link IncidentService}; a refusal of the domain comes
 * back to the page with its reason. Auditors may not post here. (A path of its own: JAX-RS matches classes by
 * their path first, so sharing {@code /console/incidents/{id}} would hide the detail page's GET.)
 */
@Path("/console/act/incidents/{id}")
@RolesAllowed({"operator", "manager", "supervisor", "ciso", "admin"})
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Blocking
public class IncidentActions {

    private final IncidentService service;
    private final IncidentStore store;
    private final SecurityIdentity identity;
    private final Clock clock;

    public IncidentActions(IncidentService service, IncidentStore store, SecurityIdentity identity, Clock clock) {
        this.service = service;
        this.store = store;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @Path("/acknowledge")
    public Response acknowledge(@PathParam("id") String id) {
        Actor actor = actor();
        return run(id, i -> i.acknowledge(actor, clock.instant()));
    }

    @POST
    @Path("/assign")
    public Response assign(@PathParam("id") String id, @FormParam("assignee") String assignee) {
        return run(id, i -> i.assign(assignee == null || assignee.isBlank() ? null : assignee.strip()));
    }

    @POST
    @Path("/transition")
    public Response transition(@PathParam("id") String id, @FormParam("to") String to,
                               @FormParam("reason") String reason, @FormParam("rootCause") String rootCause,
                               @FormParam("recurrencePrevention") String prevention) {
        IncidentState target;
        try {
            target = IncidentState.valueOf(to == null ? "" : to.trim());
        } catch (IllegalArgumentException e) {
            return back(id, "unknown state '" + to + "'");
        }
        Actor actor = actor();
        return run(id, i -> i.transition(target, emptyToNull(reason), emptyToNull(rootCause), emptyToNull(prevention),
                actor, clock.instant()));
    }

    @POST
    @Path("/comment")
    public Response comment(@PathParam("id") String id, @FormParam("text") String text) {
        return run(id, i -> i.comment(text));
    }

    @POST
    @Path("/tasks/{code}/complete")
    public Response complete(@PathParam("id") String id, @PathParam("code") String code,
                             @FormParam("note") String note) {
        Actor actor = actor();
        return run(id, i -> i.completeTask(code, emptyToNull(note), actor, clock.instant()));
    }

    @POST
    @Path("/tasks/{code}/waive")
    public Response waive(@PathParam("id") String id, @PathParam("code") String code,
                          @FormParam("reason") String reason) {
        Actor actor = actor();
        return run(id, i -> i.waiveTask(code, emptyToNull(reason), actor, clock.instant()));
    }

    @POST
    @Path("/escalate")
    public Response escalate(@PathParam("id") String id, @FormParam("reason") String reason) {
        try {
            service.escalateManually(id, actor(), emptyToNull(reason));
            return back(id, null);
        } catch (IncidentRejectedException | IncidentNotFoundException e) {
            return back(id, e.getMessage());
        }
    }

    @POST
    @Path("/merge")
    public Response merge(@PathParam("id") String id, @FormParam("into") String into) {
        if (into == null || into.isBlank()) {
            return back(id, "merge: the incident to merge into is required");
        }
        String target = store.findByNumber(into.strip()).or(() -> store.find(into.strip())).map(Incident::id)
                .orElse(null);
        if (target == null) {
            return back(id, "merge: no incident " + into.strip());
        }
        try {
            service.merge(id, target, actor());
            return back(target, null);
        } catch (IncidentRejectedException | IncidentNotFoundException e) {
            return back(id, e.getMessage());
        }
    }

    private Response run(String id, Function<Incident, Outcome> command) {
        try {
            service.execute(id, actor(), command);
            return back(id, null);
        } catch (IncidentRejectedException | IncidentNotFoundException e) {
            return back(id, e.getMessage());
        }
    }

    private static Response back(String id, String error) {
        UriBuilder to = UriBuilder.fromPath("/console/incidents/{id}");
        if (error != null) {
            to.queryParam("error", error);
        }
        return Response.seeOther(to.build(id)).build();
    }

    private Actor actor() {
        return new Actor(identity.getPrincipal().getName(), identity.getRoles());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
