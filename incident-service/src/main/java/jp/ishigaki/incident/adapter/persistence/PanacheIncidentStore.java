package jp.ishigaki.incident.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.ishigaki.incident.application.IncidentStore;
import jp.ishigaki.incident.domain.Incident;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The incident store over MariaDB: aggregate rows, task rows, the number counter and the detection log. */
@ApplicationScoped
public class PanacheIncidentStore implements IncidentStore {

    private static final ZoneId CITY = ZoneId.of("Asia/Tokyo");

    private final EntityManager em;

    public PanacheIncidentStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Incident> find(String id) {
        IncidentEntity e = IncidentEntity.findById(id);
        return Optional.ofNullable(e).map(this::toDomain);
    }

    @Override
    public Optional<Incident> findByNumber(String number) {
        return IncidentEntity.<IncidentEntity>find("number", number).firstResultOptional().map(this::toDomain);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Incident> lock(String id) {
        IncidentEntity e = em.find(IncidentEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        return Optional.ofNullable(e).map(this::toDomain);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Incident> lockIfFree(String id) {
        List<?> free = em.createNativeQuery("SELECT id FROM incident WHERE id = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, id).getResultList();
        return free.isEmpty() ? Optional.empty() : lock(id);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Incident> lockOpenByDedupKey(String dedupKey) {
        return IncidentEntity.<IncidentEntity>find("openDedupKey", dedupKey)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().map(this::toDomain);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Incident> lockByNumber(String number) {
        return IncidentEntity.<IncidentEntity>find("number", number)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().map(this::toDomain);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Incident incident, Instant now) {
        IncidentEntity e = new IncidentEntity();
        IncidentMapper.copy(incident, e, now);
        e.persist();
        writeTasks(incident);
        refreshNextDue(incident.id());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(Incident incident, Instant now) {
        IncidentEntity e = em.find(IncidentEntity.class, incident.id());
        IncidentMapper.copy(incident, e, now);
        writeTasks(incident);
        refreshNextDue(incident.id());
    }

    /** next_due_at = the earlier of the first open task deadline and the escalation clock. */
    private void refreshNextDue(String id) {
        em.flush();
        em.createNativeQuery(NEXT_DUE_SQL).setParameter(1, id).executeUpdate();
    }

    /** Recomputes next_due_at of incident ?1. */
    public static final String NEXT_DUE_SQL = """
            UPDATE incident SET next_due_at = CASE WHEN escalation_due_at IS NULL THEN task_due_at
                WHEN task_due_at IS NULL THEN escalation_due_at ELSE LEAST(escalation_due_at, task_due_at) END
            WHERE id = ?1""";

    private void writeTasks(Incident incident) {
        int position = 0;
        for (var task : incident.tasks()) {
            TaskEntity.Key key = new TaskEntity.Key(incident.id(), task.code());
            TaskEntity t = em.find(TaskEntity.class, key);
            if (t == null) {
                t = new TaskEntity();
                t.key = key;
                IncidentMapper.copy(task, t, position);
                em.persist(t);
            } else {
                IncidentMapper.copy(task, t, position);
            }
            position++;
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public String nextNumber(Instant now) {
        int year = now.atZone(CITY).getYear();
        em.createNativeQuery("""
                        INSERT INTO incident_number_counter (yr, last_value) VALUES (?1, LAST_INSERT_ID(1))
                        ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)""")
                .setParameter(1, year).executeUpdate();
        long value = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        return "INC-%d-%06d".formatted(year, value);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markDetectionProcessed(String detectionId, String incidentId, Instant now) {
        int inserted = em.createNativeQuery("""
                        INSERT IGNORE INTO processed_detection (detection_id, incident_id, processed_at)
                        VALUES (?1, ?2, ?3)""")
                .setParameter(1, detectionId).setParameter(2, incidentId).setParameter(3, now).executeUpdate();
        return inserted == 1;
    }

    @Override
    public boolean detectionProcessed(String detectionId) {
        return !em.createNativeQuery("SELECT 1 FROM processed_detection WHERE detection_id = ?1")
                .setParameter(1, detectionId).getResultList().isEmpty();
    }

    private Incident toDomain(IncidentEntity e) {
        List<TaskEntity> tasks = TaskEntity.list("key.incidentId = ?1 ORDER BY position", e.id);
        return IncidentMapper.toDomain(e, tasks);
    }
}
