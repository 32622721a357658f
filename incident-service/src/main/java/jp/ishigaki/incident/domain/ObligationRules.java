package jp.ishigaki.incident.domain;

import java.time.Duration;

/**
 * Due dates and responsible roles of the external reporting obligations (DOMAIN.md §6). The durations are
 * configuration: PPC's 速報 "概ね3〜5日" is a guide, not a rule. A {@code null} due means "no deadline".
 */
public record ObligationRules(
        Duration ppcPreliminaryDue,
        Duration ppcFinalDue,
        Duration ppcFinalDueUnlawful,
        Duration policeDue,
        Duration prefectureDue,
        Duration bcpDue,
        String ppcRole,
        String policeRole,
        String prefectureRole,
        String bcpRole,
        Duration approachingWarning) {

    public static final ObligationRules DEFAULTS = new ObligationRules(Duration.ofDays(3), Duration.ofDays(30),
            Duration.ofDays(60), null, null, null, "supervisor", "supervisor", "supervisor", "ciso", Duration.ofDays(1));
}
