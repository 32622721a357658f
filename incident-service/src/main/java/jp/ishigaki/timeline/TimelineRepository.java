package jp.ishigaki.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import java.time.Instant;
import java.util.List;

/**
 * Stores timeline entries append-only. Callers hold the incident's row lock, so entries of one incident are appended
 * one at a time; the unique (incident, seq) key refuses a fork anyway.
 */
@ApplicationScoped
public class TimelineRepository {

    private final EntityManager em;

    public TimelineRepository(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry append(String incidentId, Instant at, String actor, String type, String text) {
        TimelineEntry entry = TimelineChain.next(last(incidentId), incidentId, at, actor, type, text);
        em.createNativeQuery("""
                        INSERT INTO incident_timeline (incident_id, seq, at, actor, type, text, prev_hash, hash)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, entry.incidentId()).setParameter(2, entry.seq())
                .setParameter(3, entry.at()).setParameter(4, entry.actor())
                .setParameter(5, entry.type()).setParameter(6, entry.text())
                .setParameter(7, entry.prevHash()).setParameter(8, entry.hash())
                .executeUpdate();
        return entry;
    }

    /**
     * The newest committed entry, read with a lock: under MariaDB's REPEATABLE READ a plain read answers from the
     * transaction's snapshot, taken at its first read, and would miss an entry another transaction appended (holding
     * the incident's lock) and committed while this one waited for that lock — the next seq would then collide.
     */
    private TimelineEntry last(String incidentId) {
        List<TimelineEntry> rows = query("WHERE incident_id = ?1 ORDER BY seq DESC LIMIT 1 FOR UPDATE", incidentId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Every entry of an incident, oldest first. */
    public List<TimelineEntry> entries(String incidentId) {
        return query("WHERE incident_id = ?1 ORDER BY seq", incidentId);
    }

    @SuppressWarnings("unchecked")
    private List<TimelineEntry> query(String where, String incidentId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT incident_id, seq, at, actor, type, text, prev_hash, hash FROM incident_timeline " + where)
                .unwrap(NativeQuery.class)
                .addScalar("incident_id", StandardBasicTypes.STRING).addScalar("seq", StandardBasicTypes.INTEGER)
                .addScalar("at", StandardBasicTypes.INSTANT).addScalar("actor", StandardBasicTypes.STRING)
                .addScalar("type", StandardBasicTypes.STRING).addScalar("text", StandardBasicTypes.STRING)
                .addScalar("prev_hash", StandardBasicTypes.STRING).addScalar("hash", StandardBasicTypes.STRING)
                .setParameter(1, incidentId)
                .getResultList();
        return rows.stream().map(r -> new TimelineEntry((String) r[0], (Integer) r[1], (Instant) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7])).toList();
    }
}
