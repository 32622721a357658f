package jp.ishigaki.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/**
 * MTTA (opened → acknowledged) and MTTR (opened → closed) of the incidents opened in a period, grouped by threat
 * group, segment or severity; and the open incidents by state and severity.
 */
@ApplicationScoped
public class ResponseMetrics {

    /** What the figures are grouped by; the column is fixed here, never taken from the request. */
    public enum GroupBy {
        THREAT_GROUP("threat_group"), SEGMENT("segment"), SEVERITY("severity");

        private final String column;

        GroupBy(String column) {
            this.column = column;
        }
    }

    /** One group's figures; times in seconds, {@code null} when nothing was acknowledged / closed. */
    public record Row(String group, long opened, long acknowledged, Double mttaSeconds, long closed, Double mttrSeconds) {
    }

    /** A count of open incidents. */
    public record OpenCount(String state, String severity, long count) {
    }

    private final EntityManager em;

    public ResponseMetrics(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public List<Row> responseTimes(Instant from, Instant to, GroupBy by) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + by.column + ", COUNT(*), COUNT(ack_at), "
                        + "AVG(TIMESTAMPDIFF(MICROSECOND, opened_at, ack_at)) / 1000000, "
                        + "SUM(CASE WHEN state = 'CLOSED' THEN 1 ELSE 0 END), "
                        + "AVG(CASE WHEN state = 'CLOSED' THEN TIMESTAMPDIFF(MICROSECOND, opened_at, closed_at) END) / 1000000 "
                        + "FROM incident WHERE opened_at >= ?1 AND opened_at < ?2 GROUP BY " + by.column + " ORDER BY " + by.column)
                .setParameter(1, from).setParameter(2, to).getResultList();
        return rows.stream().map(r -> new Row((String) r[0], num(r[1]), num(r[2]), dbl(r[3]), num(r[4]), dbl(r[5])))
                .toList();
    }

    @SuppressWarnings("unchecked")
    public List<OpenCount> open() {
        List<Object[]> rows = em.createNativeQuery("SELECT state, severity, COUNT(*) FROM incident "
                        + "WHERE state NOT IN ('CLOSED', 'DISMISSED') GROUP BY state, severity ORDER BY state, severity")
                .getResultList();
        return rows.stream().map(r -> new OpenCount((String) r[0], (String) r[1], num(r[2]))).toList();
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Double dbl(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
