package jp.ishigaki.console.rejected;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replay marks of dead letters in MariaDB, keyed by topic / partition / offset. A replay first claims its mark: the
 * first replay inserts it, a repeat must name the count it was shown, so two people cannot replay the same record
 * unknowingly; a replay that could not be sent releases its claim.
 */
@ApplicationScoped
public class ReplayMarks {

    /** Who replayed a dead letter first and last, when, and how many times. */
    public record Mark(int partition, long offset, int count, String firstBy, Instant firstAt, String lastBy,
                       Instant lastAt) {
    }

    /** The outcome of a claim: granted (with the mark it replaced, null for a first replay), or refused. */
    public sealed interface Claim permits Granted, Refused {
    }

    /** The replay may go ahead. */
    public record Granted(Mark previous) implements Claim {
    }

    /** Someone replayed it already (or again since the page was shown); {@code current} says who and when. */
    public record Refused(Mark current) implements Claim {
    }

    private final EntityManager em;
    private final Clock clock;

    public ReplayMarks(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The marks of the given partitions' offsets in [min, max] of a topic, by "partition@offset". */
    @Transactional
    public Map<String, Mark> between(String topic, long min, long max) {
        Map<String, Mark> out = new HashMap<>();
        List<ReplayMarkEntity> rows = em.createQuery("FROM ReplayMarkEntity WHERE topic = :topic "
                        + "AND offset BETWEEN :min AND :max", ReplayMarkEntity.class)
                .setParameter("topic", topic).setParameter("min", min).setParameter("max", max).getResultList();
        for (ReplayMarkEntity r : rows) {
            Mark m = mark(r);
            out.put(m.partition() + "@" + m.offset(), m);
        }
        return out;
    }

    @Transactional
    public Optional<Mark> at(String topic, int partition, long offset) {
        return em.createQuery("FROM ReplayMarkEntity WHERE topic = :topic AND partition = :partition "
                        + "AND offset = :offset", ReplayMarkEntity.class)
                .setParameter("topic", topic).setParameter("partition", partition).setParameter("offset", offset)
                .getResultStream().findFirst().map(ReplayMarks::mark);
    }

    /**
     * Claims a replay by {@code user}, who was shown {@code seen} earlier replays (0: none). Committed at once, so a
     * concurrent claim of the same record sees it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String topic, int partition, long offset, String user, int seen) {
        Optional<Mark> before = at(topic, partition, offset);
        Instant now = clock.instant();
        int changed;
        if (seen <= 0) {
            changed = em.createNativeQuery("INSERT IGNORE INTO dead_letter_replay (topic, part, off, replay_count, "
                            + "first_by, first_at, last_by, last_at) VALUES (?1, ?2, ?3, 1, ?4, ?5, ?4, ?5)")
                    .setParameter(1, topic).setParameter(2, partition).setParameter(3, offset)
                    .setParameter(4, user).setParameter(5, now).executeUpdate();
        } else {
            changed = em.createNativeQuery("UPDATE dead_letter_replay SET replay_count = replay_count + 1, "
                            + "last_by = ?4, last_at = ?5 WHERE topic = ?1 AND part = ?2 AND off = ?3 "
                            + "AND replay_count = ?6")
                    .setParameter(1, topic).setParameter(2, partition).setParameter(3, offset)
                    .setParameter(4, user).setParameter(5, now).setParameter(6, seen).executeUpdate();
        }
        if (changed == 1) {
            return new Granted(seen <= 0 ? null : before.orElse(null));
        }
        em.clear();
        return new Refused(at(topic, partition, offset).orElse(null));
    }

    /** Gives back a granted claim whose record could not be sent: the mark is as it was before. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String topic, int partition, long offset, Granted granted) {
        Mark p = granted.previous();
        if (p == null) {
            em.createNativeQuery("DELETE FROM dead_letter_replay WHERE topic = ?1 AND part = ?2 AND off = ?3 "
                            + "AND replay_count = 1")
                    .setParameter(1, topic).setParameter(2, partition).setParameter(3, offset).executeUpdate();
        } else {
            em.createNativeQuery("UPDATE dead_letter_replay SET replay_count = ?4, last_by = ?5, last_at = ?6 "
                            + "WHERE topic = ?1 AND part = ?2 AND off = ?3 AND replay_count = ?7")
                    .setParameter(1, topic).setParameter(2, partition).setParameter(3, offset)
                    .setParameter(4, p.count()).setParameter(5, p.lastBy()).setParameter(6, p.lastAt())
                    .setParameter(7, p.count() + 1).executeUpdate();
        }
    }

    private static Mark mark(ReplayMarkEntity e) {
        return new Mark(e.partition, e.offset, e.count, e.firstBy, e.firstAt, e.lastBy, e.lastAt);
    }
}
