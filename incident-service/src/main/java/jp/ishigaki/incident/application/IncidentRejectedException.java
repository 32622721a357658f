package jp.ishigaki.incident.application;

import jp.ishigaki.incident.domain.Outcome;

/** A command the domain refused, with its machine-readable code and the reason for a person. */
public class IncidentRejectedException extends RuntimeException {

    private final Outcome.Rejection code;

    public IncidentRejectedException(Outcome.Rejection code, String reason) {
        super(reason);
        this.code = code;
    }

    public Outcome.Rejection code() {
        return code;
    }
}
