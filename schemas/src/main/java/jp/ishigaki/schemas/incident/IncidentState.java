package jp.ishigaki.schemas.incident;

/** States of the emergency response plan (緊急時対応計画, DOMAIN.md §5), in forward order. */
public enum IncidentState {
    DETECTED("検知・受付", "Detected"),
    TRIAGE("トリアージ", "Triage"),
    CONTAINMENT("初動対応・被害拡大防止", "Containment"),
    INVESTIGATION("事案の調査・証拠保全", "Investigation"),
    RECOVERY("復旧", "Recovery"),
    LESSONS("再発防止", "Lessons learned"),
    CLOSED("終結", "Closed"),
    DISMISSED("誤検知・対象外", "Dismissed");

    private final String ja;
    private final String en;

    IncidentState(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    public String ja() {
        return ja;
    }

    public String en() {
        return en;
    }

    public boolean isTerminal() {
        return this == CLOSED || this == DISMISSED;
    }
}
