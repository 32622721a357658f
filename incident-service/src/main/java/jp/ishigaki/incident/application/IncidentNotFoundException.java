package jp.ishigaki.incident.application;

/** No incident with the given id or number. */
public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(String id) {
        super("no incident '" + id + "'");
    }
}
