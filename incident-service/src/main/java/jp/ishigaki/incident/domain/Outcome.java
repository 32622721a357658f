package jp.ishigaki.incident.domain;

import java.util.List;

/** The result of a command on an incident: the new incident and what happened, or a rejection with a reason. */
public sealed interface Outcome {

    /** The command was applied. */
    record Accepted(Incident incident, List<IncidentChange> changes) implements Outcome {
        public Accepted {
            changes = List.copyOf(changes);
        }
    }

    /** The command was refused; {@code code} is machine-readable, {@code reason} explains it to a person. */
    record Rejected(Rejection code, String reason) implements Outcome {
    }

    static Outcome accept(Incident incident, IncidentChange... changes) {
        return new Accepted(incident, List.of(changes));
    }

    static Outcome reject(Rejection code, String reason) {
        return new Rejected(code, reason);
    }

    /** Why a command was refused. */
    enum Rejection {
        SAME_STATE, ILLEGAL_TRANSITION, SKIP_NOT_ALLOWED, REASON_REQUIRED, CLOSE_REQUIREMENTS_MISSING,
        MANDATORY_TASKS_OPEN, FORBIDDEN, ALREADY_ACKNOWLEDGED, INCIDENT_TERMINAL, TASK_NOT_FOUND, TASK_NOT_OPEN,
        INVALID
    }
}
