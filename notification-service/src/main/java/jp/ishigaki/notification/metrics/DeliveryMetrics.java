package jp.ishigaki.notification.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.schemas.notification.Channel;

import java.util.Locale;

/**
 * Counters of delivery outcomes per channel ({@code ishigaki_notifications_sent_total}, {@code _retried_total},
 * {@code _failed_total}) and of dead letters by reason ({@code ishigaki_notifications_dead_lettered_total}).
 */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void sent(Channel channel) {
        counter("ishigaki.notifications.sent", "channel", channel).increment();
    }

    public void retried(Channel channel) {
        counter("ishigaki.notifications.retried", "channel", channel).increment();
    }

    public void failed(Channel channel) {
        counter("ishigaki.notifications.failed", "channel", channel).increment();
    }

    /** A dead letter: {@code undeliverable} after the last attempt, {@code unreadable} for a poison record. */
    public void deadLettered(String reason) {
        Counter.builder("ishigaki.notifications.dead.lettered").tag("reason", reason)
                .description("notices sent to notification.dlq").register(registry).increment();
    }

    private Counter counter(String name, String tag, Channel channel) {
        return Counter.builder(name).tag(tag, channel == null ? "unknown" : channel.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
