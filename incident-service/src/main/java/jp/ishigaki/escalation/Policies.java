package jp.ishigaki.escalation;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.ishigaki.incident.domain.EscalationPolicy;
import jp.ishigaki.incident.domain.EscalationRules;
import jp.ishigaki.incident.domain.ObligationRules;
import jp.ishigaki.schemas.policy.Severity;

import java.time.ZoneId;
import java.util.Map;

/** Builds the domain's policies from configuration. */
public class Policies {

    @Produces
    @Singleton
    EscalationPolicy escalationPolicy(EscalationConfig c) {
        return new EscalationPolicy(new EscalationRules(Map.of(
                Severity.CRITICAL, new EscalationRules.Rule(c.critical().notifyAtOnce(),
                        c.critical().escalateAfter().orElse(null), c.critical().repeatAtTop(), false),
                Severity.HIGH, new EscalationRules.Rule(c.high().notifyAtOnce(), c.high().escalateAfter().orElse(null),
                        c.high().repeatAtTop(), false),
                Severity.MEDIUM, new EscalationRules.Rule(c.medium().notifyAtOnce(),
                        c.medium().escalateAfter().orElse(null), c.medium().repeatAtTop(), false),
                Severity.LOW, new EscalationRules.Rule(c.low().notifyAtOnce(), c.low().escalateAfter().orElse(null),
                        false, c.low().workingHoursOnly())),
                new EscalationRules.WorkingHours(ZoneId.of(c.zone()), c.workStart(), c.workEnd())));
    }

    @Produces
    @Singleton
    ObligationRules obligationRules(ObligationConfig c) {
        return new ObligationRules(c.ppcPreliminaryDue(), c.ppcFinalDue(), c.ppcFinalDueUnlawful(),
                c.policeDue().orElse(null), c.prefectureDue().orElse(null), c.bcpDue().orElse(null), c.ppcRole(),
                c.policeRole(), c.prefectureRole(), c.bcpRole(), c.approachingWarning());
    }
}
