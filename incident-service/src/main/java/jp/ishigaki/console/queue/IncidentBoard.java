package jp.ishigaki.console.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.schemas.incident.IncidentEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's live view of incidents, projected from {@code incident.events} (each event carries the incident's
 * state after it). It feeds the queue and the server-sent events until the incident core's query service is wired
 * in; it holds no logic of the incident workflow, only the latest event and the history per incident.
 */
@ApplicationScoped
public class IncidentBoard {

    private static final int MAX_HISTORY = 500;

    private final Map<String, List<IncidentEvent>> history = new ConcurrentHashMap<>();

    /** Applies an event; returns false when it was already seen (at-least-once delivery). */
    public boolean apply(IncidentEvent event) {
        if (event == null || event.incidentId() == null) {
            return false;
        }
        boolean[] added = {false};
        history.compute(event.incidentId(), (id, events) -> {
            List<IncidentEvent> list = events == null ? new ArrayList<>() : new ArrayList<>(events);
            boolean seen = list.stream().anyMatch(e -> e.id() != null && e.id().equals(event.id()));
            if (!seen) {
                list.add(event);
                list.sort(Comparator.comparingLong(IncidentEvent::sequence));
                if (list.size() > MAX_HISTORY) {
                    list = new ArrayList<>(list.subList(list.size() - MAX_HISTORY, list.size()));
                }
                added[0] = true;
            }
            return List.copyOf(list);
        });
        return added[0];
    }

    /** The latest known state of one incident. */
    public Optional<IncidentEvent> latest(String incidentId) {
        List<IncidentEvent> events = history.get(incidentId);
        return events == null || events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    /** The opening event (first known) of one incident. */
    public Optional<IncidentEvent> first(String incidentId) {
        List<IncidentEvent> events = history.get(incidentId);
        return events == null || events.isEmpty() ? Optional.empty() : Optional.of(events.get(0));
    }

    public List<IncidentEvent> history(String incidentId) {
        return history.getOrDefault(incidentId, List.of());
    }

    /** The queue: latest state of every incident passing the filter, sorted as asked; open ones only by default. */
    public List<IncidentEvent> queue(QueueFilter filter) {
        return history.keySet().stream()
                .map(this::latest).flatMap(Optional::stream)
                .filter(e -> !filter.isOpenStateFilter() || QueueFilter.isOpen(e))
                .filter(filter.predicate())
                .sorted(filter.comparator())
                .toList();
    }

    /** All incidents' latest events (for the dashboard). */
    public List<IncidentEvent> all() {
        return history.keySet().stream().map(this::latest).flatMap(Optional::stream).toList();
    }
}
