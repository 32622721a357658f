package jp.ishigaki.incident.application;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jp.ishigaki.contact.application.RecipientResolver;
import jp.ishigaki.contact.application.ResolvedRecipient;
import jp.ishigaki.incident.domain.EscalationPolicy;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.outbox.Outbox;
import jp.ishigaki.schemas.incident.IncidentEvent;
import jp.ishigaki.schemas.notification.NotificationKind;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.Recipient;
import jp.ishigaki.schemas.topic.Topics;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns "tell these roles about this incident" into a {@code notification.requests} record in the outbox, with
 * concrete recipients from the contacts (deputies for absent people); the timeline says whom, and who stood in.
 */
@ApplicationScoped
public class Notifier {

    private final Instance<RecipientResolver> resolver;
    private final IncidentRecorder recorder;
    private final Outbox outbox;
    private final IncidentsConfig config;

    public Notifier(Instance<RecipientResolver> resolver, IncidentRecorder recorder, Outbox outbox,
                    IncidentsConfig config) {
        this.resolver = resolver;
        this.recorder = recorder;
        this.outbox = outbox;
        this.config = config;
    }

    /** Requests a notice; returns the notification id, or {@code null} when nobody could be found to tell. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String notify(Incident incident, NotificationKind kind, int level, Set<String> roles, String ask,
                         Instant deadline, Instant now) {
        List<String> ordered = roles.stream()
                .sorted(Comparator.comparingInt(r -> EscalationPolicy.CHAIN.indexOf(r) < 0 ? 99 : EscalationPolicy.CHAIN.indexOf(r)))
                .toList();
        List<ResolvedRecipient> resolved = resolve(Set.copyOf(ordered), incident.department());
        for (ResolvedRecipient r : resolved) {
            if (r.redirected()) {
                recorder.entry(incident, IncidentEvent.Type.NOTIFIED, r.redirectedFrom() + " 不在のため代理者 "
                        + r.recipient().name() + " へ通知" + (r.reason() == null ? "" : "（" + r.reason() + "）"),
                        "system", now);
            }
        }
        Set<String> covered = resolved.stream().map(r -> r.recipient().role()).collect(Collectors.toSet());
        List<String> uncovered = ordered.stream().filter(r -> !covered.contains(r)).toList();
        if (!uncovered.isEmpty()) {
            recorder.entry(incident, IncidentEvent.Type.NOTIFIED, "通知先が見つかりません: 役割 " + String.join(", ", uncovered),
                    "system", now);
        }
        List<Recipient> recipients = resolved.stream().map(ResolvedRecipient::recipient).distinct().toList();
        if (recipients.isEmpty()) {
            Log.warnf("%s: no recipient for %s %s (roles %s)", incident.number(), kind, level, ordered);
            return null;
        }
        String id = UUID.randomUUID().toString();
        NotificationRequest request = new NotificationRequest(id, incident.id(), incident.number(), kind, level,
                incident.severity(), incident.threat(), incident.segment(), incident.state(), incident.title(),
                incident.affectedAssets(), ask, deadline, config.consoleUrl() + incident.id(), recipients, now);
        outbox.append(Topics.NOTIFICATION_REQUESTS, incident.id(), incident.id(), request);
        recorder.entry(incident, IncidentEvent.Type.NOTIFIED, describe(kind, level) + ": "
                + recipients.stream().map(r -> r.name() + "（" + r.role() + ", " + r.channel() + "）")
                .collect(Collectors.joining("、")), "system", now);
        return id;
    }

    private List<ResolvedRecipient> resolve(Set<String> roles, String department) {
        if (!resolver.isResolvable()) {
            Log.error("no RecipientResolver bean: notices cannot be addressed");
            return List.of();
        }
        return resolver.get().resolve(roles, department);
    }

    static String describe(NotificationKind kind, int level) {
        return switch (kind) {
            case NEW_INCIDENT -> "初報の通知を依頼（レベル " + level + "）";
            case ESCALATION -> "エスカレーション通知を依頼（レベル " + level + "）";
            case REPEAT -> "未受領のため再通知を依頼（レベル " + level + "）";
            case DEADLINE_APPROACHING -> "報告期限が近い旨の通知を依頼";
            case DEADLINE_OVERDUE -> "報告期限超過の通知を依頼";
            case STATE_CHANGE -> "状態変更の通知を依頼";
        };
    }
}
