package jp.ishigaki.escalation;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.ishigaki.common.InvalidRequestException;
import jp.ishigaki.incident.domain.EscalationPolicy;
import jp.ishigaki.incident.domain.EscalationRules;
import jp.ishigaki.incident.domain.EscalationRules.Rule;
import jp.ishigaki.schemas.policy.Severity;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The escalation policy in force: one rule per severity kept in MariaDB, seeded from {@link EscalationConfig} on first
 * start and editable at run time. Each replica re-reads it at most every few seconds.
 */
@ApplicationScoped
public class EscalationPolicies {

    private static final long REFRESH_NANOS = Duration.ofSeconds(5).toNanos();
    private static final List<Severity> SEVERITIES = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);

    private final EntityManager em;
    private final EscalationConfig config;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(Map<Severity, Rule> rules, EscalationPolicy policy, long loadedAt) {
    }

    public EscalationPolicies(EntityManager em, EscalationConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    void seed(@Observes StartupEvent event) {
        Map<Severity, Rule> defaults = defaults(config);
        for (Severity severity : SEVERITIES) {
            Rule rule = defaults.get(severity);
            em.createNativeQuery("INSERT IGNORE INTO escalation_rule (severity, notify_at_once, escalate_after_secs,"
                            + " repeat_at_top, working_hours_only, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, severity.code())
                    .setParameter(2, String.join(",", rule.notifyAtOnce()))
                    .setParameter(3, rule.escalateAfter() == null ? null : rule.escalateAfter().toSeconds())
                    .setParameter(4, rule.repeatAtTop())
                    .setParameter(5, rule.workingHoursOnly())
                    .setParameter(6, clock.instant())
                    .setParameter(7, "configuration")
                    .executeUpdate();
        }
    }

    /** The policy to apply now. */
    public EscalationPolicy current() {
        return snapshot().policy();
    }

    /** The rule of each severity, critical first. */
    public Map<Severity, Rule> rules() {
        return snapshot().rules();
    }

    /** Replaces the rule of one severity; the roles must come from the escalation chain. */
    @Transactional
    public Rule update(Severity severity, Rule rule, String actor) {
        if (!SEVERITIES.contains(severity)) {
            throw new InvalidRequestException("severity must be one of critical, high, medium, low");
        }
        Set<String> unknown = rule.notifyAtOnce().stream().filter(r -> !EscalationPolicy.CHAIN.contains(r))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (rule.notifyAtOnce().isEmpty() || !unknown.isEmpty()) {
            throw new InvalidRequestException("notifyAtOnce must name at least one of " + EscalationPolicy.CHAIN
                    + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
        }
        if (rule.escalateAfter() != null && rule.escalateAfter().compareTo(Duration.ofMinutes(1)) < 0) {
            throw new InvalidRequestException("escalateAfter must be at least one minute (PT1M), or absent for never");
        }
        em.createNativeQuery("UPDATE escalation_rule SET notify_at_once = ?, escalate_after_secs = ?, repeat_at_top = ?,"
                        + " working_hours_only = ?, updated_at = ?, updated_by = ? WHERE severity = ?")
                .setParameter(1, String.join(",", rule.notifyAtOnce()))
                .setParameter(2, rule.escalateAfter() == null ? null : rule.escalateAfter().toSeconds())
                .setParameter(3, rule.repeatAtTop())
                .setParameter(4, rule.workingHoursOnly())
                .setParameter(5, clock.instant())
                .setParameter(6, actor)
                .setParameter(7, severity.code())
                .executeUpdate();
        snapshot = null;
        return rule;
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() > REFRESH_NANOS) {
            Map<Severity, Rule> rules = load();
            current = new Snapshot(rules, new EscalationPolicy(new EscalationRules(rules, workingHours())),
                    System.nanoTime());
            snapshot = current;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private Map<Severity, Rule> load() {
        Map<Severity, Rule> rules = new EnumMap<>(defaults(config));
        List<Object[]> rows = em.createNativeQuery("SELECT severity, notify_at_once, escalate_after_secs, repeat_at_top,"
                + " working_hours_only FROM escalation_rule").getResultList();
        for (Object[] row : rows) {
            Set<String> roles = Arrays.stream(((String) row[1]).split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
            Duration after = row[2] == null ? null : Duration.ofSeconds(((Number) row[2]).longValue());
            rules.put(Severity.ofCode((String) row[0]), new Rule(roles, after, truth(row[3]), truth(row[4])));
        }
        return rules;
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private EscalationRules.WorkingHours workingHours() {
        return new EscalationRules.WorkingHours(ZoneId.of(config.zone()), config.workStart(), config.workEnd());
    }

    /** The rules of the configuration (DOMAIN.md §6 defaults unless the city overrides them). */
    static Map<Severity, Rule> defaults(EscalationConfig c) {
        Map<Severity, Rule> rules = new EnumMap<>(Severity.class);
        rules.put(Severity.CRITICAL, new Rule(c.critical().notifyAtOnce(), c.critical().escalateAfter().orElse(null),
                c.critical().repeatAtTop(), false));
        rules.put(Severity.HIGH, new Rule(c.high().notifyAtOnce(), c.high().escalateAfter().orElse(null),
                c.high().repeatAtTop(), false));
        rules.put(Severity.MEDIUM, new Rule(c.medium().notifyAtOnce(), c.medium().escalateAfter().orElse(null),
                c.medium().repeatAtTop(), false));
        rules.put(Severity.LOW, new Rule(c.low().notifyAtOnce(), c.low().escalateAfter().orElse(null), false,
                c.low().workingHoursOnly()));
        return rules;
    }
}
