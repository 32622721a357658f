package jp.ishigaki.contact.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The escalation chain of DOMAIN.md §6, in order: operator → manager → supervisor → ciso. */
public enum ContactRole {
    OPERATOR("SOCオペレーター", "SOC operator"),
    MANAGER("情報セキュリティ管理者", "Information security manager"),
    SUPERVISOR("統括情報セキュリティ責任者", "CSIRT lead"),
    CISO("最高情報セキュリティ責任者", "CISO");

    private final String ja;
    private final String en;

    ContactRole(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String ja() {
        return ja;
    }

    public String en() {
        return en;
    }

    public static Optional<ContactRole> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }
}
