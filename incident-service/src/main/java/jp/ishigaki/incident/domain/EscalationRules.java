package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.policy.Severity;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * The escalation policy as data (DOMAIN.md §6 table, a local choice the city configures): per severity, who is told at
 * once, after how long without acknowledgement the next level is told, whether the top level is repeated, and
 * whether notices wait for working hours.
 */
public record EscalationRules(Map<Severity, Rule> bySeverity, WorkingHours workingHours) {

    /** The rule of one severity. {@code escalateAfter == null}: no escalation. */
    public record Rule(Set<String> notifyAtOnce, Duration escalateAfter, boolean repeatAtTop, boolean workingHoursOnly) {
        public Rule {
            notifyAtOnce = Set.copyOf(notifyAtOnce);
        }
    }

    /** Office hours in the city's time zone, Monday to Friday. */
    public record WorkingHours(ZoneId zone, LocalTime start, LocalTime end) {
    }

    public static final EscalationRules DEFAULTS = new EscalationRules(Map.of(
            Severity.CRITICAL, new Rule(Set.of("operator", "supervisor"), Duration.ofMinutes(15), true, false),
            Severity.HIGH, new Rule(Set.of("operator"), Duration.ofMinutes(30), false, false),
            Severity.MEDIUM, new Rule(Set.of("operator"), Duration.ofHours(4), false, false),
            Severity.LOW, new Rule(Set.of("operator"), null, false, true)),
            new WorkingHours(ZoneId.of("Asia/Tokyo"), LocalTime.of(8, 30), LocalTime.of(17, 15)));

    public Rule rule(Severity severity) {
        Rule rule = bySeverity.get(severity == Severity.INFO ? Severity.LOW : severity);
        if (rule == null) {
            throw new IllegalStateException("no escalation rule for severity " + severity);
        }
        return rule;
    }
}
