package jp.ishigaki.console.web;

import jp.ishigaki.console.policy.PolicyRef;
import jp.ishigaki.schemas.incident.IncidentEvent;

/**
 * One incident as the queue and the detail page show it, localised; every string derived from events is escaped by
 * the template, never marked raw.
 */
public record IncidentRow(
        String id,
        String number,
        String title,
        String severity,
        String severityLabel,
        PolicyRef threat,
        String threatGroup,
        String segment,
        String segmentLabel,
        String state,
        String stateLabel,
        String assignee,
        boolean acknowledged,
        int escalationLevel,
        String updated,
        String updatedIso,
        long waitingSinceEpochMs) {

    static IncidentRow of(IncidentEvent latest, IncidentEvent first, Formats f) {
        return new IncidentRow(
                latest.incidentId(),
                latest.number(),
                latest.title(),
                latest.severity() == null ? "" : latest.severity().code(),
                latest.severity() == null ? "" : f.english() ? latest.severity().code() : latest.severity().ja(),
                latest.threat() == null ? null : f.catalogue().threat(latest.threat()),
                latest.threat() == null ? "" : latest.threat().group().name(),
                latest.segment() == null ? "" : latest.segment().code(),
                latest.segment() == null ? "" : f.english() ? latest.segment().en() : latest.segment().ja(),
                latest.state() == null ? "" : latest.state().name(),
                latest.state() == null ? "" : f.english() ? latest.state().en() : latest.state().ja(),
                latest.assignee(),
                latest.acknowledged(),
                latest.escalationLevel(),
                f.dateTime(latest.at()),
                latest.at() == null ? "" : latest.at().toString(),
                first.at() == null ? 0 : first.at().toEpochMilli());
    }
}
