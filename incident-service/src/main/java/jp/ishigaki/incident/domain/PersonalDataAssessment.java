package jp.ishigaki.incident.domain;

/**
 * What is known about a possible personal-data leak (DOMAIN.md §6, 個人情報保護委員会). {@code specificPersonalInfo}
 * is 特定個人情報 (My Number data).
 */
public record PersonalDataAssessment(
        boolean leakSuspected,
        boolean sensitiveData,
        boolean financialHarm,
        boolean unlawfulPurpose,
        int personsAffected,
        boolean specificPersonalInfo) {

    public static final PersonalDataAssessment NONE = new PersonalDataAssessment(false, false, false, false, 0, false);

    public PersonalDataAssessment {
        if (personsAffected < 0) {
            throw new IllegalArgumentException("personsAffected must not be negative");
        }
    }
}
