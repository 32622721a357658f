package jp.ishigaki.schemas.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** The policy controls a detection can show broken (DOMAIN.md §2, policy §6(3) and §6(8)). */
public enum Control {
    MN_ISOLATION("MN-ISOLATION", "§6(3)①", "マイナンバー利用事務系は他の領域と通信しない",
            "The My Number segment does not communicate with other segments"),
    MN_NO_EXPORT("MN-NO-EXPORT", "§6(3)①", "端末からの情報持ち出し不可設定",
            "Terminals cannot export information"),
    MN_MFA("MN-MFA", "§6(3)①", "端末への多要素認証", "Multi-factor authentication on terminals"),
    LG_SPLIT("LG-SPLIT", "§6(3)②", "通信経路の分割", "Split communication paths"),
    LG_SANITIZE("LG-SANITIZE", "§6(3)②", "無害化通信", "Sanitised transfers"),
    NET_MONITOR("NET-MONITOR", "§6(3)③", "不正通信の監視", "Monitoring of illicit traffic"),
    OUTSOURCING("OUTSOURCING", "§6(8)", "業務委託", "Outsourcing");

    private final String code;
    private final String clause;
    private final String ja;
    private final String en;

    Control(String code, String clause, String ja, String en) {
        this.code = code;
        this.clause = clause;
        this.ja = ja;
        this.en = en;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String clause() {
        return clause;
    }

    public String ja() {
        return ja;
    }

    public String en() {
        return en;
    }

    @JsonCreator
    public static Control ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown control '" + code + "'"));
    }
}
