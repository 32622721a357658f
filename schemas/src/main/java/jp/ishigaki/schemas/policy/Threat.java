package jp.ishigaki.schemas.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The threats named in policy §3 (対象とする脅威); the code is the stable identifier used everywhere. */
public enum Threat {
    T1_01("T1-01", "不正アクセス", "Unauthorised access"),
    T1_02("T1-02", "ウイルス攻撃（不正プログラム）", "Malware / virus attack"),
    T1_03("T1-03", "サービス不能攻撃", "Denial of service"),
    T1_04("T1-04", "部外者の侵入", "Physical intrusion by outsiders"),
    T1_05("T1-05", "漏えい・破壊・改ざん・消去", "Leakage, destruction, tampering, deletion"),
    T1_06("T1-06", "重要情報の詐取", "Fraudulent acquisition (phishing, social engineering)"),
    T1_07("T1-07", "内部不正", "Insider misconduct"),
    T2_01("T2-01", "無断持ち出し", "Unauthorised removal of media / devices"),
    T2_02("T2-02", "無許可ソフトウェアの使用", "Unauthorised software"),
    T2_03("T2-03", "設計・開発の不備", "Design / development flaw"),
    T2_04("T2-04", "プログラム上の欠陥", "Program defect"),
    T2_05("T2-05", "操作・設定ミス", "Operation / configuration error"),
    T2_06("T2-06", "メンテナンス不備", "Maintenance deficiency"),
    T2_07("T2-07", "監査機能の不備", "Audit-function deficiency"),
    T2_08("T2-08", "委託管理の不備", "Contractor-management deficiency"),
    T2_09("T2-09", "マネジメントの欠陥", "Management defect"),
    T2_10("T2-10", "機器故障", "Equipment failure"),
    T3_01("T3-01", "地震", "Earthquake"),
    T3_02("T3-02", "落雷", "Lightning"),
    T3_03("T3-03", "火災等の災害", "Fire and other disasters"),
    T4_01("T4-01", "疾病による要員不足", "Staff shortage from widespread disease"),
    T5_01("T5-01", "電力供給の途絶", "Power supply interruption"),
    T5_02("T5-02", "通信の途絶", "Communications interruption"),
    T5_03("T5-03", "水道供給の途絶", "Water supply interruption");

    private static final Map<String, Threat> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Threat::code, Function.identity()));

    private final String code;
    private final String ja;
    private final String en;

    Threat(String code, String ja, String en) {
        this.code = code;
        this.ja = ja;
        this.en = en;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String ja() {
        return ja;
    }

    public String en() {
        return en;
    }

    public ThreatGroup group() {
        return ThreatGroup.valueOf("T" + code.charAt(1));
    }

    /** The policy clause this threat falls under, e.g. {@code §3(1)}. */
    public String clause() {
        return group().clause();
    }

    @JsonCreator
    public static Threat ofCode(String code) {
        Threat threat = BY_CODE.get(code);
        if (threat == null) {
            throw new IllegalArgumentException("unknown threat code '" + code + "' (expected T1-01 … T5-03)");
        }
        return threat;
    }
}
