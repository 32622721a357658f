package jp.ishigaki.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/**
 * Whether the external reporting obligations (DOMAIN.md §6: PPC 速報/確報, police, prefecture, BCP) were met on time,
 * per obligation code, for the 自己点検 report. An obligation belongs to a period when it falls due in it, or, having
 * no deadline, when its incident was opened in it. Figures are as of {@code now}.
 */
@ApplicationScoped
public class ObligationMetrics {

    /**
     * One obligation code: how many belong to the period ({@code withoutDeadline} of them have no due date), done by
     * the due date, done after it, waived (and how many of those carry a reason), still open, and open past due.
     */
    public record Row(String code, long due, long withoutDeadline, long doneOnTime, long doneLate, long waived,
                      long waivedWithReason, long open, long overdue) {
    }

    /** How often one waiver reason was given for an obligation code. */
    public record Waiver(String code, String reason, long count) {
    }

    private static final String SCOPE = "FROM incident_task t JOIN incident i ON i.id = t.incident_id "
            + "WHERE t.kind = 'REPORTING' AND ((t.due_at >= ?1 AND t.due_at < ?2) "
            + "OR (t.due_at IS NULL AND i.opened_at >= ?1 AND i.opened_at < ?2)) ";

    private final EntityManager em;

    public ObligationMetrics(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public List<Row> onTime(Instant from, Instant to, Instant now) {
        List<Object[]> rows = em.createNativeQuery("SELECT t.code, COUNT(*), "
                        + "SUM(CASE WHEN t.due_at IS NULL THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN t.status = 'DONE' AND (t.due_at IS NULL OR t.resolved_at <= t.due_at) "
                        + "THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN t.status = 'DONE' AND t.resolved_at > t.due_at THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN t.status = 'WAIVED' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN t.status = 'WAIVED' AND TRIM(COALESCE(t.note, '')) <> '' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN t.status = 'OPEN' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN t.status = 'OPEN' AND t.due_at < ?3 THEN 1 ELSE 0 END) "
                        + SCOPE + "GROUP BY t.code ORDER BY t.code")
                .setParameter(1, from).setParameter(2, to).setParameter(3, now).getResultList();
        return rows.stream().map(r -> new Row((String) r[0], num(r[1]), num(r[2]), num(r[3]), num(r[4]), num(r[5]),
                num(r[6]), num(r[7]), num(r[8]))).toList();
    }

    /** The reasons given for waived obligations of the period, most frequent first. */
    @SuppressWarnings("unchecked")
    public List<Waiver> waivers(Instant from, Instant to) {
        List<Object[]> rows = em.createNativeQuery("SELECT t.code, TRIM(COALESCE(t.note, '')) reason, COUNT(*) n "
                        + SCOPE + "AND t.status = 'WAIVED' GROUP BY t.code, reason ORDER BY t.code, n DESC, reason")
                .setParameter(1, from).setParameter(2, to).getResultList();
        return rows.stream().map(r -> new Waiver((String) r[0], (String) r[1], num(r[2]))).toList();
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
