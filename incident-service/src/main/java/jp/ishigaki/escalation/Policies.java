package jp.ishigaki.escalation;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.ishigaki.incident.domain.ObligationRules;


/** Builds the domain's reporting-obligation rules from configuration (escalation: {@link EscalationPolicies}). */
public class Policies {

    @Produces
    @Singleton
    ObligationRules obligationRules(ObligationConfig c) {
        return new ObligationRules(c.ppcPreliminaryDue(), c.ppcFinalDue(), c.ppcFinalDueUnlawful(),
                c.policeDue().orElse(null), c.prefectureDue().orElse(null), c.bcpDue().orElse(null), c.ppcRole(),
                c.policeRole(), c.prefectureRole(), c.bcpRole(), c.approachingWarning());
    }
}
