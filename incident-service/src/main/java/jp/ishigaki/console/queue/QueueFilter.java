package jp.ishigaki.console.queue;

import jp.ishigaki.schemas.incident.IncidentEvent;
import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.ThreatGroup;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The queue's filters and sort order as the operator chose them in the filter form; blank means "any".
 * Unknown values are ignored rather than rejected, so a stale bookmark still opens the queue.
 */
public record QueueFilter(String state, String severity, String group, String threat, String segment,
                          String assignee, String ack, String q, String sort) {

    public static QueueFilter none() {
        return new QueueFilter(null, null, null, null, null, null, null, null, null);
    }

    /** Whether an incident (its latest event) passes every filter. */
    public Predicate<IncidentEvent> predicate() {
        return e -> matches(state, e.state() == null ? null : e.state().name())
                && matches(severity, e.severity() == null ? null : e.severity().code())
                && matches(group, e.threat() == null ? null : e.threat().group().name())
                && matches(threat, e.threat() == null ? null : e.threat().code())
                && matches(segment, e.segment() == null ? null : e.segment().code())
                && matches(assignee, e.assignee())
                && (blank(ack) || ("yes".equals(ack) == e.acknowledged()))
                && text(e);
    }

    /** Severity (highest first), then unacknowledged before acknowledged, then the longest waiting first. */
    public Comparator<IncidentEvent> comparator() {
        Comparator<IncidentEvent> bySeverity = Comparator.comparing(
                (IncidentEvent e) -> e.severity() == null ? Severity.INFO : e.severity()).reversed();
        Comparator<IncidentEvent> unackFirst = Comparator.comparing(IncidentEvent::acknowledged);
        Comparator<IncidentEvent> oldestFirst = Comparator.comparing(QueueFilter::openedOrAt);
        Comparator<IncidentEvent> newestChange = Comparator.comparing(IncidentEvent::at).reversed();
        return switch (sort == null ? "" : sort) {
            case "deadline" -> unackFirst.thenComparing(oldestFirst).thenComparing(bySeverity);
            case "updated" -> newestChange;
            default -> bySeverity.thenComparing(unackFirst).thenComparing(oldestFirst);
        };
    }

    public boolean isOpenStateFilter() {
        return blank(state);
    }

    public static boolean isOpen(IncidentEvent e) {
        return e.state() == null || !e.state().isTerminal();
    }

    private static java.time.Instant openedOrAt(IncidentEvent e) {
        return e.at();
    }

    private boolean text(IncidentEvent e) {
        if (blank(q)) {
            return true;
        }
        String needle = q.trim().toLowerCase(Locale.ROOT);
        return contains(e.number(), needle) || contains(e.title(), needle) || contains(e.assignee(), needle)
                || contains(e.detail(), needle) || (e.threat() != null && (contains(e.threat().ja(), needle)
                || contains(e.threat().en(), needle)));
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static boolean matches(String wanted, String actual) {
        return blank(wanted) || wanted.equalsIgnoreCase(actual);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The choices of the form's select boxes. */
    public IncidentState[] states() {
        return IncidentState.values();
    }

    public Segment[] segments() {
        return Segment.values();
    }

    public ThreatGroup[] groups() {
        return ThreatGroup.values();
    }
}
