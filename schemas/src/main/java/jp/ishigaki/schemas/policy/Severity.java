package jp.ishigaki.schemas.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Severity levels in ascending order (DOMAIN.md §4); {@code info} never opens an incident. */
public enum Severity {
    INFO("情報", "info"),
    LOW("低", "low"),
    MEDIUM("中", "medium"),
    HIGH("高", "high"),
    CRITICAL("緊急", "critical");

    private final String ja;
    private final String en;

    Severity(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    @JsonValue
    public String code() {
        return en;
    }

    public String ja() {
        return ja;
    }

    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** The higher of the two: severity is raised, never lowered. */
    public Severity atLeast(Severity floor) {
        return isAtLeast(floor) ? this : floor;
    }

    /** One step up, capped at critical. */
    public Severity oneStepUp() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }

    @JsonCreator
    public static Severity ofCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + code + "' (expected info, low, medium, high, critical)");
        }
    }

    /** Sigma rule levels: informational, low, medium, high, critical. */
    public static Severity ofSigmaLevel(String level) {
        return "informational".equalsIgnoreCase(level) ? INFO : ofCode(level);
    }
}
