package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.incident.IncidentState;

/** A response action to create when an incident enters a phase. */
public record TaskTemplate(String code, IncidentState phase, String title, String responsibleRole) {
}
