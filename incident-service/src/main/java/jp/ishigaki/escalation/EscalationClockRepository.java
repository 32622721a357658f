package jp.ishigaki.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.ishigaki.incident.adapter.persistence.PanacheIncidentStore;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Escalation clocks as rows (one per incident): when it fires next, the level it raises to, the roles that level
 * tells. Mirrors the due time on the incident row for the queue's "next due" sort.
 */
@ApplicationScoped
public class EscalationClockRepository {

    /** A running clock. {@code kind} is ESCALATE or NOTICE (a deferred first notice, e.g. low outside hours). */
    public record ClockRow(String incidentId, Instant dueAt, int level, String kind, Set<String> roles) {
    }

    private final EntityManager em;

    public EscalationClockRepository(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void start(String incidentId, Instant dueAt, int level, String kind, Set<String> roles) {
        em.createNativeQuery("""
                        INSERT INTO escalation_clock (incident_id, due_at, level, kind, roles) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON DUPLICATE KEY UPDATE due_at = VALUES(due_at), level = VALUES(level), kind = VALUES(kind),
                        roles = VALUES(roles)""")
                .setParameter(1, incidentId).setParameter(2, dueAt).setParameter(3, level).setParameter(4, kind)
                .setParameter(5, String.join(",", roles))
                .executeUpdate();
        mirror(incidentId, dueAt);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void stop(String incidentId) {
        em.createNativeQuery("DELETE FROM escalation_clock WHERE incident_id = ?1").setParameter(1, incidentId)
                .executeUpdate();
        mirror(incidentId, null);
    }

    private void mirror(String incidentId, Instant dueAt) {
        em.createNativeQuery("UPDATE incident SET escalation_due_at = ?1 WHERE id = ?2")
                .setParameter(1, dueAt).setParameter(2, incidentId).executeUpdate();
        em.createNativeQuery(PanacheIncidentStore.NEXT_DUE_SQL).setParameter(1, incidentId).executeUpdate();
    }

    /** The clock of an incident, locked, if it is due; empty when another replica holds it or it is not due. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ClockRow> lockIfDue(String incidentId, Instant now) {
        List<ClockRow> rows = read("SELECT incident_id, due_at, level, kind, roles FROM escalation_clock "
                + "WHERE incident_id = ?1 AND due_at <= ?2 FOR UPDATE SKIP LOCKED", incidentId, now);
        return rows.stream().findFirst();
    }

    /** The clock of an incident, if any (not locked). */
    public Optional<ClockRow> find(String incidentId) {
        return read("SELECT incident_id, due_at, level, kind, roles FROM escalation_clock WHERE incident_id = ?1",
                incidentId, null).stream().findFirst();
    }

    /** Incidents whose clock is due, oldest first; clocks other replicas hold are skipped. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> due(Instant now, int limit) {
        return em.createNativeQuery("SELECT incident_id FROM escalation_clock WHERE due_at <= ?1 ORDER BY due_at "
                        + "LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<ClockRow> read(String sql, String incidentId, Instant now) {
        var q = em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("incident_id", StandardBasicTypes.STRING).addScalar("due_at", StandardBasicTypes.INSTANT)
                .addScalar("level", StandardBasicTypes.INTEGER).addScalar("kind", StandardBasicTypes.STRING)
                .addScalar("roles", StandardBasicTypes.STRING)
                .setParameter(1, incidentId);
        if (now != null) {
            q.setParameter(2, now);
        }
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new ClockRow((String) r[0], (Instant) r[1], (Integer) r[2], (String) r[3],
                Arrays.stream(((String) r[4]).split(",")).filter(s -> !s.isBlank()).collect(Collectors.toSet())))
                .toList();
    }
}
