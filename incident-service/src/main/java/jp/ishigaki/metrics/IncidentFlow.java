package jp.ishigaki.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Incidents opened and closed (CLOSED or DISMISSED) per bucket of a period: the dashboard's incidents-over-time
 * chart. Buckets are counted from the period's start, so the caller chooses Tokyo days or hours.
 */
@ApplicationScoped
public class IncidentFlow {

    /** One bucket [start, start + size). */
    public record Bucket(Instant start, long opened, long closed) {
    }

    private final EntityManager em;

    public IncidentFlow(EntityManager em) {
        this.em = em;
    }

    /** Every bucket of [from, to), empty ones included. */
    public List<Bucket> perBucket(Instant from, Instant to, Duration size) {
        long seconds = size.toSeconds();
        int n = (int) Math.max(1, (Duration.between(from, to).toSeconds() + seconds - 1) / seconds);
        long[] opened = count("opened_at", from, to, seconds, n);
        long[] closed = count("closed_at", from, to, seconds, n);
        List<Bucket> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Bucket(from.plusSeconds(i * seconds), opened[i], closed[i]));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private long[] count(String column, Instant from, Instant to, long seconds, int n) {
        long[] counts = new long[n];
        // The bucket is the difference to the bound start, so it does not depend on the session's time zone.
        List<Object[]> rows = em.createNativeQuery("SELECT FLOOR(TIMESTAMPDIFF(SECOND, ?1, " + column + ") / ?3) b, "
                        + "COUNT(*) FROM incident WHERE " + column + " >= ?1 AND " + column + " < ?2 GROUP BY b")
                .setParameter(1, from).setParameter(2, to).setParameter(3, seconds).getResultList();
        for (Object[] r : rows) {
            int b = ((Number) r[0]).intValue();
            if (b >= 0 && b < n) {
                counts[b] += ((Number) r[1]).longValue();
            }
        }
        return counts;
    }
}
