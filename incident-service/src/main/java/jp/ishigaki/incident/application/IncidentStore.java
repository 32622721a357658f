package jp.ishigaki.incident.application;

import jp.ishigaki.incident.domain.Incident;

import java.time.Instant;
import java.util.Optional;

/** Port: where incidents live. Every {@code lock…} takes the incident's row lock until the transaction ends. */
public interface IncidentStore {

    Optional<Incident> find(String id);

    Optional<Incident> findByNumber(String number);

    /** Waits for the row lock. */
    Optional<Incident> lock(String id);

    /** Empty when another transaction holds the row (schedulers use this, so replicas never wait on each other). */
    Optional<Incident> lockIfFree(String id);

    /** The open incident with this dedup key, locked. */
    Optional<Incident> lockOpenByDedupKey(String dedupKey);

    /** The open incident with this number or id, locked. */
    Optional<Incident> lockByNumber(String number);

    void insert(Incident incident, Instant now);

    void update(Incident incident, Instant now);

    /** The next human number {@code INC-<year>-<6 digits>}, unique under concurrency. */
    String nextNumber(Instant now);

    /** Records a detection as processed; false when it was processed before (idempotency). */
    boolean markDetectionProcessed(String detectionId, String incidentId, Instant now);

    boolean detectionProcessed(String detectionId);
}
