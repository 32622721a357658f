package jp.ishigaki.notification.notice;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * A notice as a recipient reads it, in their language: every label resolved, every event-derived string still raw
 * (templates escape it). {@code consoleUrl} is empty unless it is an http(s) link.
 */
@TemplateData
public record Notice(
        String language,
        String subject,
        String recipientName,
        String deputyFor,
        String incidentNumber,
        String title,
        String kind,
        String severityCode,
        String severity,
        String threatCode,
        String threatName,
        String segment,
        String state,
        List<String> affectedAssets,
        String ask,
        String deadline,
        String consoleUrl,
        String notificationId) {
}
