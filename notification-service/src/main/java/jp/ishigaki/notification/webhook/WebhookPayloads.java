package jp.ishigaki.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import jp.ishigaki.notification.config.WebhookConfig;
import jp.ishigaki.notification.notice.Notice;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.topic.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON bodies of webhook calls: generic (all fields, machine-readable), Slack incoming webhook, Teams MessageCard. */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    public static byte[] body(WebhookConfig.Format format, NotificationRequest request, Notice notice, int attempt,
                              Instant sentAt) {
        Object payload = switch (format) {
            case GENERIC -> generic(request, notice, attempt, sentAt);
            case SLACK -> slack(notice);
            case TEAMS -> teams(notice);
        };
        try {
            return Json.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write webhook payload", e);
        }
    }

    /** Machine-readable notice; {@code sentAt} is inside the signed body so a receiver can refuse replays. */
    public record Generic(String type, String notificationId, String incidentId, String incidentNumber, String kind,
                          int level, String severity, Named threat, Named segment, String state, String title,
                          List<String> affectedAssets, String ask, Instant deadline, String consoleUrl, String subject,
                          String language, int attempt, Instant sentAt) {
    }

    /** A code with its Japanese and English names. */
    public record Named(String code, String ja, String en) {
    }

    static Generic generic(NotificationRequest r, Notice notice, int attempt, Instant sentAt) {
        return new Generic("ishigaki.notification", r.id(), r.incidentId(), r.incidentNumber(),
                r.kind() == null ? null : r.kind().name(), r.level(),
                r.severity() == null ? null : r.severity().code(),
                r.threat() == null ? null : new Named(r.threat().code(), r.threat().ja(), r.threat().en()),
                r.segment() == null ? null : new Named(r.segment().code(), r.segment().ja(), r.segment().en()),
                r.state() == null ? null : r.state().name(), r.title(), r.affectedAssets(), notice.ask(),
                r.deadline(), notice.consoleUrl().isEmpty() ? null : notice.consoleUrl(), notice.subject(),
                notice.language(), attempt, sentAt);
    }

    static Map<String, Object> slack(Notice notice) {
        boolean ja = notice.language().equals("ja");
        StringBuilder text = new StringBuilder()
                .append('*').append(slackEscape(notice.subject())).append("*\n")
                .append(ja ? "重大度: " : "Severity: ").append(slackEscape(notice.severity())).append('\n')
                .append(ja ? "脅威: " : "Threat: ").append(slackEscape(notice.threatCode() + " " + notice.threatName())).append('\n')
                .append(ja ? "セグメント: " : "Segment: ").append(slackEscape(notice.segment())).append('\n');
        if (!notice.affectedAssets().isEmpty()) {
            text.append(ja ? "影響資産: " : "Affected assets: ")
                    .append(slackEscape(String.join(ja ? "、" : ", ", notice.affectedAssets()))).append('\n');
        }
        text.append(ja ? "お願いする対応: " : "Asked of you: ").append(slackEscape(notice.ask()));
        if (!notice.deadline().isEmpty()) {
            text.append('\n').append(ja ? "期限: " : "Deadline: ").append(slackEscape(notice.deadline()));
        }
        if (!notice.consoleUrl().isEmpty()) {
            text.append("\n<").append(notice.consoleUrl().replace("|", "%7C").replace(">", "%3E"))
                    .append('|').append(ja ? "コンソールで開く" : "Open in the console").append('>');
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("type", "section");
        section.put("text", Map.of("type", "mrkdwn", "text", text.toString()));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", slackEscape(notice.subject()));
        payload.put("blocks", List.of(section));
        return payload;
    }

    static Map<String, Object> teams(Notice notice) {
        boolean ja = notice.language().equals("ja");
        List<Map<String, String>> facts = new ArrayList<>();
        facts.add(fact(ja ? "インシデント" : "Incident", notice.incidentNumber()));
        facts.add(fact(ja ? "重大度" : "Severity", notice.severity()));
        facts.add(fact(ja ? "脅威" : "Threat", notice.threatCode() + " " + notice.threatName()));
        facts.add(fact(ja ? "セグメント" : "Segment", notice.segment()));
        if (!notice.affectedAssets().isEmpty()) {
            facts.add(fact(ja ? "影響資産" : "Affected assets", String.join(ja ? "、" : ", ", notice.affectedAssets())));
        }
        if (!notice.deadline().isEmpty()) {
            facts.add(fact(ja ? "期限" : "Deadline", notice.deadline()));
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("activityTitle", teamsEscape(notice.kind()));
        section.put("facts", facts);
        section.put("text", teamsEscape(notice.ask()));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("@type", "MessageCard");
        card.put("@context", "https://schema.org/extensions");
        card.put("summary", notice.subject());
        card.put("themeColor", switch (notice.severityCode()) {
            case "critical" -> "C00000";
            case "high" -> "E36C09";
            case "medium" -> "F2C200";
            default -> "2F75B5";
        });
        card.put("title", teamsEscape(notice.subject()));
        card.put("sections", List.of(section));
        if (!notice.consoleUrl().isEmpty()) {
            card.put("potentialAction", List.of(Map.of(
                    "@type", "OpenUri",
                    "name", ja ? "コンソールで開く" : "Open in the console",
                    "targets", List.of(Map.of("os", "default", "uri", notice.consoleUrl())))));
        }
        return card;
    }

    private static Map<String, String> fact(String name, String value) {
        return Map.of("name", name, "value", teamsEscape(value));
    }

    /** Slack mrkdwn control characters: &, < and > must be escaped so event text cannot form links or mentions. */
    static String slackEscape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Teams renders a subset of HTML and Markdown in MessageCard text: neutralise both. */
    static String teamsEscape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("[", "\\[").replace("]", "\\]").replace("*", "\\*").replace("_", "\\_");
    }
}
