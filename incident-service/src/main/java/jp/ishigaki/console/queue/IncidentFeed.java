package jp.ishigaki.console.queue;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.schemas.incident.IncidentEvent;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code incident.events} (every replica in its own consumer group, from the newest record) and broadcasts
 * each event to the browsers connected to the console's event stream, which then reload what they show.
 */
@ApplicationScoped
public class IncidentFeed {

    private final BroadcastProcessor<IncidentEvent> broadcast = BroadcastProcessor.create();

    @Incoming("console-incident-events")
    public void consume(byte[] value) {
        IncidentEvent event;
        try {
            event = Topics.INCIDENT_EVENTS.valueSerde().deserializer().deserialize(Topics.INCIDENT_EVENTS.name(), value);
        } catch (SerializationException e) {
            Log.warnf("console: skipped an unreadable incident event: %s", e.getMessage());
            return;
        }
        if (event != null && event.incidentId() != null) {
            broadcast.onNext(event);
        }
    }

    /** The live stream of incident events for server-sent events. */
    public Multi<IncidentEvent> stream() {
        return broadcast;
    }
}
