package jp.ishigaki;

import io.quarkus.test.common.QuarkusTestResource;
import jp.ishigaki.notification.WebhookReceiver;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.platform.testing.MariaDbTestResource;
import jp.ishigaki.platform.testing.SmtpTestResource;

/**
 * The real infrastructure of every {@code @QuarkusTest} in this module: an embedded Kafka broker, a fresh MariaDB
 * database, an in-process SMTP server and a real HTTP server receiving webhooks. Declared once, so every test class
 * shares one application start.
 */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MariaDbTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
@QuarkusTestResource(WebhookReceiver.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
