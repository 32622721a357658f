package jp.ishigaki.user.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles of DOMAIN.md §6: the escalation chain (operator → manager → supervisor → ciso), the read-only auditor
 * (policy §7) and the administrator. {@link #code()} is the role name used in security checks and the API.
 */
public enum Role {
    OPERATOR, MANAGER, SUPERVISOR, CISO, AUDITOR, ADMIN;

    /** Role names as constants, for {@code @RolesAllowed}. */
    public static final String OPERATOR_CODE = "operator";
    public static final String MANAGER_CODE = "manager";
    public static final String SUPERVISOR_CODE = "supervisor";
    public static final String CISO_CODE = "ciso";
    public static final String AUDITOR_CODE = "auditor";
    public static final String ADMIN_CODE = "admin";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }
}
