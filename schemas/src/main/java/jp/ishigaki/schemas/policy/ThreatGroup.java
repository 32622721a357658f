package jp.ishigaki.schemas.policy;

/** The five groups of policy §3, each one clause: (1) attacks … (5) infrastructure outages. */
public enum ThreatGroup {
    T1("§3(1)", "不正アクセス等の意図的な要因", "Intentional threats: attacks and insider misconduct"),
    T2("§3(2)", "過失・故障等の非意図的要因", "Unintentional threats: mistakes, defects, equipment failure"),
    T3("§3(3)", "地震・落雷・火災等の災害", "Disasters: earthquake, lightning, fire"),
    T4("§3(4)", "疾病による要員不足", "Staff shortage from widespread disease"),
    T5("§3(5)", "電力・通信・水道の途絶", "Outages of power, communications and water");

    private final String clause;
    private final String ja;
    private final String en;

    ThreatGroup(String clause, String ja, String en) {
        this.clause = clause;
        this.ja = ja;
        this.en = en;
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

    /** Disasters, staff shortage and infrastructure outages: the groups that call for BCP activation. */
    public boolean isContinuityThreat() {
        return this == T3 || this == T4 || this == T5;
    }
}
