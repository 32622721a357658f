package jp.ishigaki.console.web;

import jp.ishigaki.schemas.incident.IncidentEvent;

/** One entry of an incident's event history on the detail page (escaped by the template). */
public record EventRow(long sequence, String type, String actor, String detail, String at) {

    static EventRow of(IncidentEvent e, Formats f) {
        return new EventRow(e.sequence(), e.type() == null ? "" : e.type().name(), e.actor(), e.detail(),
                f.dateTime(e.at()));
    }
}
