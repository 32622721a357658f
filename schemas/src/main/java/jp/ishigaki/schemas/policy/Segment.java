package jp.ishigaki.schemas.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The separated networks of policy §2(11)–(15), plus facility feeds and unknown. */
public enum Segment {
    MYNUMBER("マイナンバー利用事務系", "My Number segment"),
    LGWAN("LGWAN接続系", "LGWAN segment"),
    INTERNET("インターネット接続系", "Internet segment"),
    FACILITY("施設・設備", "Facility"),
    UNKNOWN("不明", "Unknown");

    private final String ja;
    private final String en;

    Segment(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String ja() {
        return ja;
    }

    public String en() {
        return en;
    }

    @JsonCreator
    public static Segment ofCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown segment '" + code + "' (expected mynumber, lgwan, internet, facility, unknown)");
        }
    }

    /** Lenient reading of a producer's label: unknown names become {@link #UNKNOWN}. */
    public static Segment parseOrUnknown(String code) {
        if (code == null || code.isBlank()) {
            return UNKNOWN;
        }
        try {
            return ofCode(code);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
