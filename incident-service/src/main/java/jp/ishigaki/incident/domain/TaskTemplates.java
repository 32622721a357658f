package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.ThreatGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static jp.ishigaki.schemas.incident.IncidentState.CONTAINMENT;
import static jp.ishigaki.schemas.incident.IncidentState.INVESTIGATION;
import static jp.ishigaki.schemas.incident.IncidentState.LESSONS;
import static jp.ishigaki.schemas.incident.IncidentState.RECOVERY;
import static jp.ishigaki.schemas.incident.IncidentState.TRIAGE;

/**
 * The response actions of the emergency response plan per phase: common ones for every incident plus those of the
 * threat group (e.g. malware: isolate the terminal without powering it off, preserve evidence, scan neighbours).
 */
public final class TaskTemplates {

    private static final List<TaskTemplate> COMMON = List.of(
            new TaskTemplate("triage-confirm", TRIAGE, "脅威分類・重大度・影響範囲を確認する", "operator"),
            new TaskTemplate("containment-evidence", CONTAINMENT, "証拠を保全する（ログ・メモリ・ディスク。電源は切らない）", "operator"),
            new TaskTemplate("investigation-5w1h", INVESTIGATION, "原因と5W1H、影響を受けた情報・人を特定する", "operator"),
            new TaskTemplate("recovery-verify", RECOVERY, "サービスを復旧し、正常性を確認する", "operator"),
            new TaskTemplate("lessons-prevention", LESSONS, "再発防止策を策定し、統括情報セキュリティ責任者の承認を得る", "supervisor"));

    private static final Map<ThreatGroup, List<TaskTemplate>> BY_GROUP = Map.of(
            ThreatGroup.T1, List.of(
                    new TaskTemplate("t1-isolate", CONTAINMENT, "該当端末をネットワークから隔離する（電源は切らない）", "operator"),
                    new TaskTemplate("t1-block", CONTAINMENT, "不正な通信先・アカウントを遮断する", "operator"),
                    new TaskTemplate("t1-scan-neighbours", INVESTIGATION, "周辺端末をスキャンし、横展開の有無を確認する", "operator"),
                    new TaskTemplate("t1-credentials", RECOVERY, "影響を受けた認証情報を変更する", "manager")),
            ThreatGroup.T2, List.of(
                    new TaskTemplate("t2-stop-change", CONTAINMENT, "誤った操作・設定を停止し、変更前の状態を記録する", "operator"),
                    new TaskTemplate("t2-vendor", INVESTIGATION, "委託先・保守業者に原因調査を依頼する", "manager")),
            ThreatGroup.T3, List.of(
                    new TaskTemplate("t3-safety", TRIAGE, "職員の安全とサーバ室・データセンターの被災状況を確認する", "manager"),
                    new TaskTemplate("t3-backup-site", RECOVERY, "バックアップからの復旧・代替拠点への切替を判断する", "supervisor")),
            ThreatGroup.T4, List.of(
                    new TaskTemplate("t4-staffing", TRIAGE, "要員の確保状況と代理者の指定を確認する", "manager")),
            ThreatGroup.T5, List.of(
                    new TaskTemplate("t5-supply", TRIAGE, "電力・通信・水道の供給事業者に復旧見込みを確認する", "manager"),
                    new TaskTemplate("t5-ups", CONTAINMENT, "UPS・自家発電の残時間を確認し、計画停止を判断する", "operator")));

    private TaskTemplates() {
    }

    /** The templates for a phase and threat group: common first, then the group's own. */
    public static List<TaskTemplate> forPhase(IncidentState phase, ThreatGroup group) {
        List<TaskTemplate> out = new ArrayList<>();
        COMMON.stream().filter(t -> t.phase() == phase).forEach(out::add);
        BY_GROUP.getOrDefault(group, List.of()).stream().filter(t -> t.phase() == phase).forEach(out::add);
        return out;
    }
}
