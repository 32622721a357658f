package jp.ishigaki.incident.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jp.ishigaki.incident.application.DetectionRecords;
import jp.ishigaki.incident.domain.DetectionRecord;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Json;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link DetectionRecords} over MariaDB ({@code incident_detection}, {@code processed_detection}). */
@ApplicationScoped
public class PanacheDetectionRecords implements DetectionRecords {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final EntityManager em;

    public PanacheDetectionRecords(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DetectionRecord> lock(String detectionId) {
        return Optional.ofNullable(em.find(DetectionEntity.class, detectionId, LockModeType.PESSIMISTIC_WRITE))
                .map(PanacheDetectionRecords::toDomain);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(DetectionRecord r) {
        DetectionEntity e = em.find(DetectionEntity.class, r.detectionId());
        boolean fresh = e == null;
        if (fresh) {
            e = new DetectionEntity();
            e.detectionId = r.detectionId();
        }
        e.incidentId = r.incidentId();
        e.ruleId = r.ruleId();
        e.ruleTitle = cut(r.ruleTitle(), 500);
        e.ruleKind = r.ruleKind() == null ? null : r.ruleKind().name();
        e.ruleLevel = r.ruleLevel() == null ? null : r.ruleLevel().code();
        e.severity = r.severity().code();
        e.threat = r.threat().code();
        e.segment = r.segment() == null ? null : r.segment().code();
        e.host = cut(r.host(), 255);
        e.userName = cut(r.user(), 255);
        e.sourceIp = cut(r.sourceIp(), 64);
        e.assetId = cut(r.assetId(), 64);
        e.assetName = cut(r.assetName(), 200);
        e.summary = r.summary();
        e.hitCount = r.count();
        e.firstSeen = r.firstSeen();
        e.lastSeen = r.lastSeen();
        e.controls = String.join(",", r.controls().stream().map(Control::code).toList());
        e.severityReasons = json(r.severityReasons());
        e.attackTags = json(r.attackTags());
        e.samples = json(r.samples());
        e.receivedAt = r.receivedAt();
        e.updatedAt = r.updatedAt();
        if (fresh) {
            em.persist(e);
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> incidentOf(String detectionId) {
        return em.createNativeQuery("SELECT incident_id FROM processed_detection WHERE detection_id = ?1", String.class)
                .setParameter(1, detectionId).getResultList().stream().map(String.class::cast).findFirst();
    }

    @Override
    public List<DetectionRecord> forIncident(String incidentId) {
        return em.createQuery("FROM DetectionEntity WHERE incidentId = ?1 ORDER BY firstSeen, detectionId",
                DetectionEntity.class).setParameter(1, incidentId).getResultStream()
                .map(PanacheDetectionRecords::toDomain).toList();
    }

    private static DetectionRecord toDomain(DetectionEntity e) {
        return new DetectionRecord(e.detectionId, e.incidentId, e.ruleId, e.ruleTitle,
                e.ruleKind == null ? null : Detection.RuleKind.valueOf(e.ruleKind),
                e.ruleLevel == null ? null : Severity.ofCode(e.ruleLevel), Severity.ofCode(e.severity),
                Threat.ofCode(e.threat), e.segment == null ? null : Segment.parseOrUnknown(e.segment), e.host,
                e.userName, e.sourceIp, e.assetId, e.assetName, e.summary, e.hitCount, e.firstSeen, e.lastSeen,
                e.controls == null || e.controls.isBlank() ? List.of()
                        : Arrays.stream(e.controls.split(",")).map(Control::ofCode).toList(),
                strings(e.severityReasons), strings(e.attackTags), strings(e.samples), e.receivedAt, e.updatedAt);
    }

    private static String json(List<String> values) {
        try {
            return Json.mapper().writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("incident_detection holds a list that is not JSON", e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
