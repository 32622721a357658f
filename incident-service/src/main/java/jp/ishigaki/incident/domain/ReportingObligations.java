package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.policy.ThreatGroup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DOMAIN.md §6 external reporting obligations as mandatory tasks: PPC 速報/確報 for personal-data leaks, police for
 * suspected crime, prefecture / MIC sharing for high and critical cyber incidents, BCP activation for T3/T4/T5.
 * Obligations are only ever added; one that no longer applies is waived with a reason by a person.
 */
public final class ReportingObligations {

    public static final String PPC_PRELIMINARY = "report-ppc-preliminary";
    public static final String PPC_FINAL = "report-ppc-final";
    public static final String POLICE = "report-police";
    public static final String PREFECTURE = "report-prefecture";
    public static final String BCP = "bcp-activation";

    private ReportingObligations() {
    }

    /** The obligations the incident has now and does not carry yet, due from {@code now}. */
    public static List<Task> missing(Incident incident, ObligationRules rules, Instant now) {
        Set<String> present = incident.tasks().stream().map(Task::code).collect(Collectors.toSet());
        List<Task> out = new ArrayList<>();
        Threat threat = incident.threat();
        if (LegalTriggers.ppcReportable(incident.personalData(), incident.segment())) {
            boolean unlawful = incident.personalData().unlawfulPurpose() || threat.group() == ThreatGroup.T1;
            add(out, present, PPC_PRELIMINARY, "個人情報保護委員会へ速報", rules.ppcRole(), due(now, rules.ppcPreliminaryDue()));
            add(out, present, PPC_FINAL, "個人情報保護委員会へ確報", rules.ppcRole(),
                    due(now, unlawful ? rules.ppcFinalDueUnlawful() : rules.ppcFinalDue()));
        }
        if (LegalTriggers.suspectedCrime(threat, incident.ransomwareSuspected())) {
            add(out, present, POLICE, "警察（サイバー犯罪相談窓口）へ相談・通報", rules.policeRole(), due(now, rules.policeDue()));
        }
        if (isCyber(threat) && incident.severity().isAtLeast(Severity.HIGH)) {
            add(out, present, PREFECTURE, "香川県・総務省へ情報共有", rules.prefectureRole(), due(now, rules.prefectureDue()));
        }
        if (threat.group().isContinuityThreat()) {
            add(out, present, BCP, "業務継続計画（BCP）の発動を判断する", rules.bcpRole(), due(now, rules.bcpDue()));
        }
        return out;
    }

    /** Cyber incidents: the intentional threats of §3(1) except physical intrusion. */
    static boolean isCyber(Threat threat) {
        return threat.group() == ThreatGroup.T1 && threat != Threat.T1_04;
    }

    private static Instant due(Instant now, Duration d) {
        return d == null ? null : now.plus(d);
    }

    private static void add(List<Task> out, Set<String> present, String code, String title, String role, Instant due) {
        if (!present.contains(code)) {
            out.add(new Task(code, code, Task.Kind.REPORTING, title, IncidentState.DETECTED,
                    true, role, due, Task.Status.OPEN, null, null, null));
        }
    }
}
