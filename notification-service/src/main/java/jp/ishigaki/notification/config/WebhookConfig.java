package jp.ishigaki.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Webhook endpoints by name ({@code ishigaki.webhooks."<name>".*}); a WEBHOOK recipient's address is the name. */
@ConfigMapping(prefix = "ishigaki.webhooks")
public interface WebhookConfig {

    /** The endpoints, keyed by the name recipients use. */
    @WithParentName
    Map<String, Endpoint> endpoints();

    /** One endpoint. */
    interface Endpoint {

        /** Where to POST (https in production). */
        String url();

        /** HMAC-SHA256 key for the X-Ishigaki-Signature header; from the environment, never committed. */
        Optional<String> secret();

        /** Payload shape: generic (signed JSON), slack (incoming webhook) or teams (MessageCard). */
        @WithDefault("generic")
        Format format();

        /** Connect and response timeout of one call. */
        @WithDefault("5s")
        Duration timeout();
    }

    /** Payload shapes. */
    enum Format {
        GENERIC, SLACK, TEAMS
    }
}
