package jp.ishigaki.notification.notice;

import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.notification.NotificationKind;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.Recipient;
import jp.ishigaki.schemas.policy.Severity;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Turns a request and a recipient into a {@link Notice}: subject line, labels, what is asked, the deadline in JST. */
public final class Notices {

    /** Times in notices are Japan time, whatever the server's zone (ARCHITECTURE.md "Time"). */
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static final DateTimeFormatter JA_TIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日(E) HH:mm '(日本時間)'", Locale.JAPANESE).withZone(TOKYO);
    private static final DateTimeFormatter EN_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'JST (Asia/Tokyo)'", Locale.ENGLISH).withZone(TOKYO);
    private static final int MAX_SUBJECT = 200;

    private Notices() {
    }

    public static Notice of(NotificationRequest request, Recipient recipient) {
        Language language = Language.of(recipient);
        boolean ja = language == Language.JA;
        String title = oneLine(request.title());
        String kind = kind(request.kind(), request.level(), request.state(), language);
        String subject = oneLine(severityPrefix(request.severity(), language) + request.incidentNumber() + " " + title
                + " — " + kind);
        Severity severity = request.severity() == null ? Severity.MEDIUM : request.severity();
        return new Notice(
                language.code(),
                subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT - 1) + "…",
                nullToEmpty(recipient.name()),
                nullToEmpty(recipient.deputyFor()),
                nullToEmpty(request.incidentNumber()),
                title,
                kind,
                severity.code(),
                ja ? severity.ja() + " (" + severity.code() + ")" : severity.code().toUpperCase(Locale.ROOT),
                request.threat() == null ? "" : request.threat().code(),
                request.threat() == null ? "" : (ja ? request.threat().ja() : request.threat().en() + " (" + request.threat().ja() + ")"),
                request.segment() == null ? "" : (ja ? request.segment().ja() : request.segment().en() + " (" + request.segment().ja() + ")"),
                request.state() == null ? "" : (ja ? request.state().ja() : request.state().en()),
                request.affectedAssets(),
                request.ask() != null && !request.ask().isBlank() ? request.ask() : defaultAsk(request.kind(), language),
                deadline(request.deadline(), language),
                safeLink(request.consoleUrl()),
                nullToEmpty(request.id()));
    }

    /** 【緊急】 for critical, 【重要】 high, 【注意】 medium, 【連絡】 low; {@code [CRITICAL] } etc. in English. */
    public static String severityPrefix(Severity severity, Language language) {
        Severity s = severity == null ? Severity.MEDIUM : severity;
        if (language == Language.EN) {
            return "[" + s.code().toUpperCase(Locale.ROOT) + "] ";
        }
        return switch (s) {
            case CRITICAL -> "【緊急】";
            case HIGH -> "【重要】";
            case MEDIUM -> "【注意】";
            case LOW -> "【連絡】";
            case INFO -> "【情報】";
        };
    }

    static String kind(NotificationKind kind, int level, IncidentState state, Language language) {
        boolean ja = language == Language.JA;
        String stateName = state == null ? "" : (ja ? state.ja() : state.en());
        if (kind == null) {
            return ja ? "通知" : "Notice";
        }
        return switch (kind) {
            case NEW_INCIDENT -> ja ? "新規インシデント" : "New incident";
            case ESCALATION -> ja ? "エスカレーション (レベル" + level + ")" : "Escalation (level " + level + ")";
            case REPEAT -> ja ? "再通知" : "Reminder";
            case DEADLINE_APPROACHING -> ja ? "期限接近" : "Deadline approaching";
            case DEADLINE_OVERDUE -> ja ? "期限超過" : "Deadline overdue";
            case STATE_CHANGE -> ja ? "状態変更: " + stateName : "State changed: " + stateName;
        };
    }

    /** What the recipient is asked to do, when the request does not say it in its own words. */
    static String defaultAsk(NotificationKind kind, Language language) {
        boolean ja = language == Language.JA;
        if (kind == null) {
            return ja ? "内容を確認してください。" : "Please review the incident.";
        }
        return switch (kind) {
            case NEW_INCIDENT -> ja ? "内容を確認し、コンソールで受領確認（アクノリッジ）してください。"
                    : "Review the incident and acknowledge it in the console.";
            case ESCALATION -> ja ? "前のレベルで受領確認がありませんでした。対応方針を判断し、受領確認してください。"
                    : "It was not acknowledged at the previous level. Decide on the response and acknowledge it.";
            case REPEAT -> ja ? "まだ受領確認がありません。コンソールで受領確認してください。"
                    : "It has not been acknowledged yet. Acknowledge it in the console.";
            case DEADLINE_APPROACHING -> ja ? "期限が近づいています。期限までに報告・対応を完了してください。"
                    : "The deadline is near. Complete the report or action before it.";
            case DEADLINE_OVERDUE -> ja ? "期限を過ぎています。至急、報告・対応の状況を確認してください。"
                    : "The deadline has passed. Report or act on it now.";
            case STATE_CHANGE -> ja ? "インシデントの状態が変わりました。内容を確認してください。"
                    : "The incident changed state. Please review it.";
        };
    }

    static String deadline(Instant deadline, Language language) {
        return deadline == null ? "" : (language == Language.JA ? JA_TIME : EN_TIME).format(deadline);
    }

    /** One line of text: control characters (CR, LF, TAB, NUL …) and Unicode line breaks become spaces. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ").replaceAll("\\s{2,}", " ").trim();
    }

    /** Only http(s) links are rendered; anything else (javascript:, data:, garbage) is dropped. */
    static String safeLink(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri.toString() : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
