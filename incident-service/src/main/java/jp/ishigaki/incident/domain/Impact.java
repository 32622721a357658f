package jp.ishigaki.incident.domain;

/** The NIST SP 800-61 prioritisation factors, recorded once an operator has assessed them. */
public record Impact(Functional functional, Information information, Recoverability recoverability) {

    /** Functional impact. */
    public enum Functional { NONE, LOW, MEDIUM, HIGH }

    /** Information impact. */
    public enum Information { NONE, PRIVACY_BREACH, PROPRIETARY_BREACH, INTEGRITY_LOSS }

    /** Recoverability. */
    public enum Recoverability { REGULAR, SUPPLEMENTED, EXTENDED, NOT_RECOVERABLE }
}
