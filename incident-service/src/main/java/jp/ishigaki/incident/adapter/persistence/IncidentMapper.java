package jp.ishigaki.incident.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jp.ishigaki.incident.domain.Acknowledgement;
import jp.ishigaki.incident.domain.Impact;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.incident.domain.PersonalDataAssessment;
import jp.ishigaki.incident.domain.Task;
import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Json;

import java.time.Instant;
import java.util.List;

/** Maps the incident aggregate to its rows and back. */
final class IncidentMapper {

    private IncidentMapper() {
    }

    static void copy(Incident i, IncidentEntity e, Instant now) {
        e.id = i.id();
        e.number = i.number();
        e.source = i.source().name();
        e.title = i.title();
        e.description = i.description();
        e.threat = i.threat().code();
        e.threatGroup = i.threat().group().name();
        e.segment = i.segment().code();
        e.severity = i.severity().code();
        e.severityRank = i.severity().ordinal();
        e.state = i.state().name();
        e.dedupKey = i.dedupKey();
        e.openDedupKey = i.isOpen() ? i.dedupKey() : null;
        e.detectionCount = i.detectionCount();
        e.firstSeen = i.firstSeen();
        e.lastSeen = i.lastSeen();
        e.openedAt = i.openedAt();
        e.reportedBy = i.reportedBy();
        e.department = i.department();
        e.affectedAssets = write(i.affectedAssets());
        e.ackBy = i.acknowledgement() == null ? null : i.acknowledgement().by();
        e.ackAt = i.acknowledgement() == null ? null : i.acknowledgement().at();
        e.ackLevel = i.acknowledgement() == null ? null : i.acknowledgement().level();
        e.assignee = i.assignee();
        e.escalationLevel = i.escalationLevel();
        e.personalData = write(i.personalData());
        e.ransomware = i.ransomwareSuspected();
        e.impact = i.impact() == null ? null : write(i.impact());
        e.rootCause = i.rootCause();
        e.recurrencePrevention = i.recurrencePrevention();
        e.stateReason = i.stateReason();
        e.closedAt = i.closedAt();
        e.mergedInto = i.mergedInto();
        e.taskDueAt = i.isOpen() ? i.tasks().stream().filter(Task::isOpen).map(Task::dueAt)
                .filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null) : null;
        e.updatedAt = now;
    }

    static void copy(Task t, TaskEntity e, int position) {
        e.kind = t.kind().name();
        e.title = t.title();
        e.phase = t.phase().name();
        e.mandatory = t.mandatory();
        e.responsibleRole = t.responsibleRole();
        e.dueAt = t.dueAt();
        e.status = t.status().name();
        e.resolvedBy = t.resolvedBy();
        e.resolvedAt = t.resolvedAt();
        e.note = t.note();
        e.position = position;
    }

    static Incident toDomain(IncidentEntity e, List<TaskEntity> tasks) {
        return new Incident(e.id, e.number, Incident.Source.valueOf(e.source), e.title, e.description,
                Threat.ofCode(e.threat), Segment.ofCode(e.segment), Severity.ofCode(e.severity),
                IncidentState.valueOf(e.state), e.dedupKey, e.detectionCount, e.firstSeen, e.lastSeen, e.openedAt,
                e.reportedBy, e.department, read(e.affectedAssets, new TypeReference<List<String>>() { }),
                e.ackBy == null ? null : new Acknowledgement(e.ackBy, e.ackAt, e.ackLevel == null ? 0 : e.ackLevel),
                e.assignee, e.escalationLevel, read(e.personalData, new TypeReference<PersonalDataAssessment>() { }),
                e.ransomware, read(e.impact, new TypeReference<Impact>() { }), e.rootCause, e.recurrencePrevention,
                e.stateReason, e.closedAt, e.mergedInto, tasks.stream().map(IncidentMapper::toDomain).toList());
    }

    static Task toDomain(TaskEntity t) {
        return new Task(t.key.code, t.key.code, Task.Kind.valueOf(t.kind), t.title, IncidentState.valueOf(t.phase),
                t.mandatory, t.responsibleRole, t.dueAt, Task.Status.valueOf(t.status), t.resolvedBy, t.resolvedAt,
                t.note);
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
