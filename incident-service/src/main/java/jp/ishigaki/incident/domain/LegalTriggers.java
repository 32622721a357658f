package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Threat;

/** DOMAIN.md §6: when an incident may have to be reported outside the city. */
public final class LegalTriggers {

    private LegalTriggers() {
    }

    /**
     * 個人情報保護委員会: a suspected leak of personal data that is sensitive, may cause financial harm, has an unlawful
     * purpose or concerns more than 100 persons; or any leak of 特定個人情報 from the {@code mynumber} segment.
     */
    public static boolean ppcReportable(PersonalDataAssessment p, Segment segment) {
        if (p == null) {
            return false;
        }
        boolean mynumberLeak = p.specificPersonalInfo() && segment == Segment.MYNUMBER;
        boolean qualifiedLeak = p.leakSuspected()
                && (p.sensitiveData() || p.financialHarm() || p.unlawfulPurpose() || p.personsAffected() > 100);
        return mynumberLeak || qualifiedLeak;
    }

    /** Police (サイバー犯罪相談窓口): unauthorised access, ransomware, insider misconduct. */
    public static boolean suspectedCrime(Threat threat, boolean ransomware) {
        return threat == Threat.T1_01 || threat == Threat.T1_07 || (threat == Threat.T1_02 && ransomware);
    }

    /** A possible legal reporting trigger: raises severity to at least high (DOMAIN.md §4). */
    public static boolean legalTrigger(PersonalDataAssessment p, Segment segment) {
        return ppcReportable(p, segment);
    }
}
