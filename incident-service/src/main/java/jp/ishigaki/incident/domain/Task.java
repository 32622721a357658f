package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.incident.IncidentState;

import java.time.Instant;

/**
 * A task on an incident: a response action from the phase templates, or an external reporting obligation
 * (mandatory; blocks closing until done or waived with a reason). {@code code} identifies the template, so a task is
 * never added twice.
 */
public record Task(
        String id,
        String code,
        Kind kind,
        String title,
        IncidentState phase,
        boolean mandatory,
        String responsibleRole,
        Instant dueAt,
        Status status,
        String resolvedBy,
        Instant resolvedAt,
        String note) {

    /** A response action or an external reporting obligation. */
    public enum Kind { ACTION, REPORTING }

    /** Open until done or waived. */
    public enum Status { OPEN, DONE, WAIVED }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** Open and mandatory: blocks CLOSED. */
    public boolean blocksClosing() {
        return mandatory && isOpen();
    }

    Task done(String by, Instant at, String note) {
        return new Task(id, code, kind, title, phase, mandatory, responsibleRole, dueAt, Status.DONE, by, at, note);
    }

    Task waived(String by, Instant at, String reason) {
        return new Task(id, code, kind, title, phase, mandatory, responsibleRole, dueAt, Status.WAIVED, by, at, reason);
    }
}
