package jp.ishigaki.incident.adapter.persistence;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import jp.ishigaki.schemas.incident.IncidentState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Locale;

/** The read side of the incident queue: filtered, sorted, paged rows straight from {@code incident}. */
@ApplicationScoped
public class IncidentQueries {

    /** Every state that is not terminal: the queue of work. */
    public static final Set<IncidentState> OPEN_STATES = Arrays.stream(IncidentState.values())
            .filter(s -> !s.isTerminal()).collect(Collectors.toUnmodifiableSet());

    /** One page of rows and the total. */
    public record Result(List<IncidentEntity> rows, long total) {
    }

    public Result find(IncidentQuery q) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (q.states().equals(OPEN_STATES)) {
            where.add("isOpen = true");
        } else if (!q.states().isEmpty()) {
            where.add("state IN :states");
            params.and("states", q.states().stream().map(Enum::name).toList());
        }
        if (!q.severities().isEmpty()) {
            where.add("severityRank IN :severities");
            params.and("severities", q.severities().stream().map(Enum::ordinal).toList());
        }
        if (!q.threats().isEmpty()) {
            where.add("threat IN :threats");
            params.and("threats", q.threats().stream().map(t -> t.code()).toList());
        }
        if (!q.threatGroups().isEmpty()) {
            where.add("threatGroup IN :groups");
            params.and("groups", q.threatGroups().stream().map(Enum::name).toList());
        }
        if (!q.segments().isEmpty()) {
            where.add("segment IN :segments");
            params.and("segments", q.segments().stream().map(s -> s.code()).toList());
        }
        if (q.assignee() != null && !q.assignee().isBlank()) {
            where.add("assignee = :assignee");
            params.and("assignee", q.assignee());
        }
        if (q.acknowledged() != null) {
            where.add(q.acknowledged() ? "ackAt IS NOT NULL" : "ackAt IS NULL");
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.add("(title LIKE :text OR description LIKE :text OR number LIKE :text)");
            params.and("text", "%" + escapeLike(q.text().strip()) + "%");
        }
        String order = switch (q.sort()) {
            case SEVERITY -> "severityRank DESC, dueSort ASC, id";
            case NEXT_DUE -> "dueSort ASC, severityRank DESC, id";
            case OPENED -> "openedAt DESC";
        };
        String jpql = (where.isEmpty() ? "" : String.join(" AND ", where)) + " ORDER BY " + order;
        var query = where.isEmpty()
                ? IncidentEntity.<IncidentEntity>find("ORDER BY " + order)
                : IncidentEntity.<IncidentEntity>find(jpql, params);
        List<IncidentEntity> rows = query.page(Page.of(q.page(), q.size())).list();
        long total = where.isEmpty() ? IncidentEntity.count() : IncidentEntity.count(String.join(" AND ", where), params);
        return new Result(rows, total);
    }

    private static String escapeLike(String s) {
        return s.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
