package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.notification.NotificationKind;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * DOMAIN.md §6 as functions: whom to notify when an incident opens, and what happens when its clock is due. Levels
 * follow the chain operator (1) → manager (2) → supervisor (3) → ciso (4); the level is the highest role told so far.
 */
public final class EscalationPolicy {

    /** The chain of roles, in escalation order. */
    public static final List<String> CHAIN = List.of("operator", "manager", "supervisor", "ciso");

    private final EscalationRules rules;

    public EscalationPolicy(EscalationRules rules) {
        this.rules = rules;
    }

    /**
     * A notice to send and the next clock. {@code notifyAt} is when to send it (later than now only for notices that
     * wait for working hours); {@code nextDueAt} is when the clock fires next, or {@code null} for no clock.
     */
    public record Step(NotificationKind kind, int level, Set<String> roles, Instant notifyAt, Instant nextDueAt) {
        public Step {
            roles = Set.copyOf(roles);
        }
    }

    /** Whom to tell when an incident opens (or its severity rises), and when its clock fires first. */
    public Step initial(Severity severity, Segment segment, boolean legalTrigger, Instant now) {
        EscalationRules.Rule rule = rules.rule(severity);
        Set<String> roles = new LinkedHashSet<>(rule.notifyAtOnce());
        if (severity == Severity.CRITICAL && (segment == Segment.MYNUMBER || legalTrigger)) {
            roles.add("ciso");
        }
        int level = levelOf(roles);
        Instant notifyAt = rule.workingHoursOnly() ? nextWorkingTime(now) : now;
        Instant next = rule.escalateAfter() == null || !hasNext(level, rule) ? null : notifyAt.plus(rule.escalateAfter());
        return new Step(NotificationKind.NEW_INCIDENT, level, roles, notifyAt, next);
    }

    /**
     * The clock of an unacknowledged incident at {@code level} is due: tell the next role, or repeat the top of the
     * chain for rules that repeat; {@code null} when there is nothing more to do.
     */
    public Step onDue(Severity severity, int level, Instant now) {
        EscalationRules.Rule rule = rules.rule(severity);
        if (level < CHAIN.size()) {
            int next = level + 1;
            Instant nextDue = rule.escalateAfter() != null && hasNext(next, rule) ? now.plus(rule.escalateAfter()) : null;
            return new Step(NotificationKind.ESCALATION, next, Set.of(CHAIN.get(next - 1)), now, nextDue);
        }
        if (rule.repeatAtTop() && rule.escalateAfter() != null) {
            return new Step(NotificationKind.REPEAT, level, new LinkedHashSet<>(CHAIN), now, now.plus(rule.escalateAfter()));
        }
        return null;
    }

    /** A person escalates by hand, or a notice finally failed: the next level is told at once, whatever the rule. */
    public Step forced(Severity severity, int level, boolean acknowledged, Instant now) {
        EscalationRules.Rule rule = rules.rule(severity);
        int next = Math.min(level + 1, CHAIN.size());
        Instant nextDue = !acknowledged && rule.escalateAfter() != null && hasNext(next, rule)
                ? now.plus(rule.escalateAfter()) : null;
        return new Step(NotificationKind.ESCALATION, next, Set.of(CHAIN.get(next - 1)), now, nextDue);
    }

    /** The escalation interval of a severity, or {@code null}. */
    public java.time.Duration interval(Severity severity) {
        return rules.rule(severity).escalateAfter();
    }

    private static boolean hasNext(int level, EscalationRules.Rule rule) {
        return level < CHAIN.size() || rule.repeatAtTop();
    }

    static int levelOf(Set<String> roles) {
        int level = 0;
        for (int i = 0; i < CHAIN.size(); i++) {
            if (roles.contains(CHAIN.get(i))) {
                level = i + 1;
            }
        }
        return Math.max(level, 1);
    }

    /** Now, if within working hours; otherwise the start of the next working day's hours. */
    public Instant nextWorkingTime(Instant now) {
        EscalationRules.WorkingHours wh = rules.workingHours();
        ZonedDateTime t = now.atZone(wh.zone());
        for (int i = 0; i < 8; i++) {
            boolean weekday = t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (weekday && !t.toLocalTime().isBefore(wh.start()) && t.toLocalTime().isBefore(wh.end())) {
                return t.toInstant();
            }
            if (weekday && t.toLocalTime().isBefore(wh.start())) {
                return t.with(wh.start()).toInstant();
            }
            t = ZonedDateTime.of(LocalDateTime.of(t.toLocalDate().plusDays(1), wh.start()), wh.zone());
        }
        return now;
    }
}
