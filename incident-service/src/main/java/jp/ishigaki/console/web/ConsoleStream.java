package jp.ishigaki.console.web;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jp.ishigaki.console.queue.IncidentFeed;

import java.time.Duration;

/**
 * Server-sent events for the console: an {@code incident} event (data: the incident id) whenever an incident
 * changes, and a {@code ping} every 20 s so proxies keep the connection open.
 */
@Path("/console/stream")
@Authenticated
public class ConsoleStream {

    private final IncidentFeed feed;

    public ConsoleStream(IncidentFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<OutboundSseEvent> incidents = feed.stream()
                .map(e -> sse.newEventBuilder().name("incident").data(e.incidentId()).build());
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(Duration.ofSeconds(20))
                .map(tick -> sse.newEventBuilder().name("ping").data(Long.toString(tick)).build());
        return Multi.createBy().merging().streams(incidents, pings);
    }
}
