package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Severity;

import java.time.Instant;

/** Something that happened to an incident, as a domain fact; each one becomes a timeline entry. */
public sealed interface IncidentChange {

    /** The timeline text, Japanese first (the console's language). */
    String text();

    /** Opened from a detection or a manual report. */
    record Opened(Incident.Source source, String title) implements IncidentChange {
        public String text() {
            return (source == Incident.Source.DETECTION ? "検知により起票: " : "手動で報告: ") + title;
        }
    }

    /** A detection with the same dedup key was absorbed. */
    record DetectionAttached(String detectionId, long count, long totalCount, Instant lastSeen) implements IncidentChange {
        public String text() {
            return "同一事象の検知を統合 (" + count + " 件, 累計 " + totalCount + " 件, detection " + detectionId + ")";
        }
    }

    /** Severity went up (never down), with the rule that raised it. */
    record SeverityRaised(Severity from, Severity to, String reason) implements IncidentChange {
        public String text() {
            return "重大度を引上げ: " + from.ja() + " → " + to.ja() + "（" + reason + "）";
        }
    }

    /** A state change; {@code reopen} when it moved back. */
    record Transitioned(IncidentState from, IncidentState to, String reason, boolean reopen) implements IncidentChange {
        public String text() {
            String base = (reopen ? "再開: " : "状態遷移: ") + from.ja() + " → " + to.ja()
                    + (reopen && from.isTerminal() ? "（受領確認を解除し、エスカレーションを最初から再開）" : "");
            return reason == null || reason.isBlank() ? base : base + "（理由: " + reason + "）";
        }
    }

    /** 受領確認. */
    record Acknowledged(String by, int level) implements IncidentChange {
        public String text() {
            return by + " が受領確認（エスカレーション レベル " + level + " で停止）";
        }
    }

    /** Assignment changed. */
    record Assigned(String from, String to) implements IncidentChange {
        public String text() {
            return "担当者を割当: " + (from == null ? "" : from + " → ") + to;
        }
    }

    /** A comment. */
    record Commented(String comment) implements IncidentChange {
        public String text() {
            return "コメント: " + comment;
        }
    }

    /** The NIST factors or the personal-data assessment were recorded. */
    record Assessed(String summary) implements IncidentChange {
        public String text() {
            return "評価を記録: " + summary;
        }
    }

    /** Root cause / recurrence prevention recorded. */
    record Lessons(String rootCause, String recurrencePrevention) implements IncidentChange {
        public String text() {
            return "原因と再発防止策を記録: 原因=" + rootCause + " / 再発防止=" + recurrencePrevention;
        }
    }

    /** A task or reporting obligation was added. */
    record TaskAdded(Task task) implements IncidentChange {
        public String text() {
            return (task.kind() == Task.Kind.REPORTING ? "報告義務タスクを追加: " : "対応タスクを追加: ") + task.title()
                    + (task.dueAt() == null ? "" : "（期限 " + task.dueAt() + "）");
        }
    }

    /** A task was done. */
    record TaskCompleted(Task task) implements IncidentChange {
        public String text() {
            return "タスク完了: " + task.title() + (task.note() == null || task.note().isBlank() ? "" : "（" + task.note() + "）");
        }
    }

    /** A task was waived with a reason. */
    record TaskWaived(Task task) implements IncidentChange {
        public String text() {
            return "タスク免除: " + task.title() + "（理由: " + task.note() + "）";
        }
    }

    /** The escalation level rose. */
    record Escalated(int from, int to, String reason) implements IncidentChange {
        public String text() {
            return "エスカレーション: レベル " + from + " → " + to + "（" + reason + "）";
        }
    }

    /** Another incident was merged into this one, or this one into another. */
    record Merged(String otherNumber, boolean absorbed) implements IncidentChange {
        public String text() {
            return absorbed ? otherNumber + " をこのインシデントへ統合" : otherNumber + " へ統合（本件は対象外として終了）";
        }
    }
}
