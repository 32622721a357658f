package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.notification.NotificationKind;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md §6 escalation table, and that it is configuration. */
class EscalationPolicyTest {

    /** Thursday 10:00 in Tokyo. */
    private static final Instant WORKDAY = Instant.parse("2026-11-26T01:00:00Z");
    private final EscalationPolicy policy = new EscalationPolicy(EscalationRules.DEFAULTS);

    @Test
    void shouldTellOperatorAndSupervisorAtOnceForCriticalAndEscalateAfter15Minutes() {
        EscalationPolicy.Step s = policy.initial(Severity.CRITICAL, Segment.LGWAN, false, WORKDAY);
        assertThat(s.roles()).containsExactlyInAnyOrder("operator", "supervisor");
        assertThat(s.level()).isEqualTo(3);
        assertThat(s.kind()).isEqualTo(NotificationKind.NEW_INCIDENT);
        assertThat(s.nextDueAt()).isEqualTo(WORKDAY.plus(Duration.ofMinutes(15)));
    }

    @Test
    void shouldAddTheCisoForCriticalMynumberOrLegalTrigger() {
        assertThat(policy.initial(Severity.CRITICAL, Segment.MYNUMBER, false, WORKDAY).roles()).contains("ciso");
        assertThat(policy.initial(Severity.CRITICAL, Segment.LGWAN, true, WORKDAY).roles()).contains("ciso");
        assertThat(policy.initial(Severity.CRITICAL, Segment.MYNUMBER, false, WORKDAY).level()).isEqualTo(4);
        assertThat(policy.initial(Severity.HIGH, Segment.MYNUMBER, true, WORKDAY).roles()).containsExactly("operator");
    }

    @Test
    void shouldEscalateHighAfter30MinutesAndMediumAfter4Hours() {
        assertThat(policy.initial(Severity.HIGH, Segment.LGWAN, false, WORKDAY).nextDueAt())
                .isEqualTo(WORKDAY.plus(Duration.ofMinutes(30)));
        assertThat(policy.initial(Severity.MEDIUM, Segment.LGWAN, false, WORKDAY).nextDueAt())
                .isEqualTo(WORKDAY.plus(Duration.ofHours(4)));
    }

    @Test
    void shouldNeverEscalateLowAndTellTheOperatorOnlyInWorkingHours() {
        EscalationPolicy.Step weekday = policy.initial(Severity.LOW, Segment.LGWAN, false, WORKDAY);
        assertThat(weekday.notifyAt()).isEqualTo(WORKDAY);
        assertThat(weekday.nextDueAt()).isNull();
        Instant saturdayNight = Instant.parse("2026-11-28T13:00:00Z");
        EscalationPolicy.Step weekend = policy.initial(Severity.LOW, Segment.LGWAN, false, saturdayNight);
        assertThat(weekend.notifyAt()).as("Monday 08:30 JST").isEqualTo(Instant.parse("2026-11-29T23:30:00Z"));
        Instant earlyThursday = Instant.parse("2026-11-25T20:00:00Z");
        assertThat(policy.initial(Severity.LOW, Segment.LGWAN, false, earlyThursday).notifyAt())
                .isEqualTo(Instant.parse("2026-11-25T23:30:00Z"));
    }

    @Test
    void shouldWalkTheChainLevelByLevelWhenNotAcknowledged() {
        Instant t = WORKDAY;
        EscalationPolicy.Step toManager = policy.onDue(Severity.HIGH, 1, t);
        assertThat(toManager.level()).isEqualTo(2);
        assertThat(toManager.roles()).containsExactly("manager");
        assertThat(toManager.kind()).isEqualTo(NotificationKind.ESCALATION);
        assertThat(toManager.nextDueAt()).isEqualTo(t.plus(Duration.ofMinutes(30)));
        assertThat(policy.onDue(Severity.HIGH, 2, t).roles()).containsExactly("supervisor");
        EscalationPolicy.Step toCiso = policy.onDue(Severity.HIGH, 3, t);
        assertThat(toCiso.roles()).containsExactly("ciso");
        assertThat(toCiso.nextDueAt()).as("high stops at the top").isNull();
        assertThat(policy.onDue(Severity.HIGH, 4, t)).isNull();
    }

    @Test
    void shouldRepeatUnacknowledgedCriticalAtTheTop() {
        EscalationPolicy.Step repeat = policy.onDue(Severity.CRITICAL, 4, WORKDAY);
        assertThat(repeat.kind()).isEqualTo(NotificationKind.REPEAT);
        assertThat(repeat.roles()).containsExactlyInAnyOrder("operator", "manager", "supervisor", "ciso");
        assertThat(repeat.nextDueAt()).isEqualTo(WORKDAY.plus(Duration.ofMinutes(15)));
    }

    @Test
    void shouldEscalateByHandEvenWhenAcknowledgedButStartNoClockThen() {
        EscalationPolicy.Step s = policy.forced(Severity.MEDIUM, 1, true, WORKDAY);
        assertThat(s.level()).isEqualTo(2);
        assertThat(s.nextDueAt()).isNull();
        assertThat(policy.forced(Severity.MEDIUM, 1, false, WORKDAY).nextDueAt()).isEqualTo(WORKDAY.plus(Duration.ofHours(4)));
    }

    @Test
    void shouldFollowAConfiguredPolicy() {
        EscalationPolicy custom = new EscalationPolicy(new EscalationRules(Map.of(
                Severity.CRITICAL, new EscalationRules.Rule(Set.of("operator", "manager"), Duration.ofMinutes(5), false, false),
                Severity.HIGH, new EscalationRules.Rule(Set.of("operator"), Duration.ofMinutes(10), false, false),
                Severity.MEDIUM, new EscalationRules.Rule(Set.of("operator"), null, false, false),
                Severity.LOW, new EscalationRules.Rule(Set.of("operator"), null, false, false)),
                new EscalationRules.WorkingHours(ZoneId.of("Asia/Tokyo"), LocalTime.of(9, 0), LocalTime.of(17, 0))));
        EscalationPolicy.Step s = custom.initial(Severity.CRITICAL, Segment.LGWAN, false, WORKDAY);
        assertThat(s.level()).isEqualTo(2);
        assertThat(s.nextDueAt()).isEqualTo(WORKDAY.plus(Duration.ofMinutes(5)));
        assertThat(custom.onDue(Severity.CRITICAL, 4, WORKDAY)).as("no repeat configured").isNull();
        assertThat(custom.initial(Severity.MEDIUM, Segment.LGWAN, false, WORKDAY).nextDueAt()).isNull();
    }
}
