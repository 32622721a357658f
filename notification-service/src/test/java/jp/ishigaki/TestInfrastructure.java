package jp.ishigaki;

import io.quarkus.test.common.QuarkusTestResource;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.platform.testing.MariaDbTestResource;
import jp.ishigaki.platform.testing.SmtpTestResource;

/**
 * The real infrastructure of every {@code @QuarkusTest} in this module: an embedded Kafka broker, a fresh MariaDB
 * database and an in-process SMTP server. Declared once, so every test class shares one application start.
 */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MariaDbTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
