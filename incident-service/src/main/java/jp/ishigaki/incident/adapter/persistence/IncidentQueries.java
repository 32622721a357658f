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

/** The read side of the incident queue: filtered, sorted, paged rows straight from {@code incident}. */
@ApplicationScoped
public class IncidentQueries {

    /** Every state that is not terminal: the queue of work. */
    public static final Set<IncidentState> OPEN_STATES = Arrays.stream(IncidentState.values())
            .filter(s -> !s.isTerminal()).collect(Collectors.toUnmodifiableSet());

    /** Up to this many open incidents matching a free text are looked up by id. */
    static final int MATCH_LIMIT = 1000;

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
            String pattern = "%" + escapeLike(q.text().strip()) + "%";
            List<String> matches = q.states().equals(OPEN_STATES) ? openMatches(pattern) : null;
            if (matches != null && matches.isEmpty()) {
                return new Result(List.of(), 0);
            }
            if (matches != null) {
                where.add("id IN :matches");
                params.and("matches", matches);
            } else {
                where.add("searchText LIKE :text ESCAPE '!'");
                params.and("text", pattern);
            }
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
        long total;
        if (rows.size() < q.size() && (q.page() == 0 || !rows.isEmpty())) {
            // A page that is not full ends the result: the total is known without counting again.
            total = (long) q.page() * q.size() + rows.size();
        } else {
            total = where.isEmpty() ? IncidentEntity.count() : IncidentEntity.count(String.join(" AND ", where), params);
        }
        return new Result(rows, total);
    }

    /**
     * The ids of the open incidents whose search text (V1_7: number, title, start of the description) matches, read
     * from the narrow search index alone; {@code null} when more than {@value #MATCH_LIMIT} match, where the queue's
     * ordered scan finds a page sooner than a lookup of every match. MariaDB left to itself picks the ordered index
     * and reads every open incident's row for a rare word (seconds at 1 M incidents), hence the explicit index.
     */
    @SuppressWarnings("unchecked")
    private static List<String> openMatches(String pattern) {
        List<String> ids = IncidentEntity.getEntityManager().createNativeQuery(
                        "SELECT id FROM incident FORCE INDEX (incident_open_search) WHERE is_open = 1 "
                                + "AND search_text LIKE ?1 ESCAPE '!' LIMIT ?2")
                .setParameter(1, pattern).setParameter(2, MATCH_LIMIT + 1).getResultList();
        return ids.size() > MATCH_LIMIT ? null : ids;
    }

    /** The user's text taken literally: {@code !} escapes LIKE's wildcards (and itself). */
    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
