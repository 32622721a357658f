package jp.ishigaki.schemas.notification;

import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;

import java.time.Instant;
import java.util.List;

/**
 * A notice to deliver: the value of {@code notification.requests}, keyed by incident id. incident-service decides
 * who is told and why; notification-service owns delivery and is idempotent on {@code id}.
 * {@code ask} is what is asked of the recipients; {@code deadline} when (both optional).
 */
public record NotificationRequest(
        String id,
        String incidentId,
        String incidentNumber,
        NotificationKind kind,
        int level,
        Severity severity,
        Threat threat,
        Segment segment,
        IncidentState state,
        String title,
        List<String> affectedAssets,
        String ask,
        Instant deadline,
        String consoleUrl,
        List<Recipient> recipients,
        Instant requestedAt) {

    public NotificationRequest {
        affectedAssets = affectedAssets == null ? List.of() : List.copyOf(affectedAssets);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
