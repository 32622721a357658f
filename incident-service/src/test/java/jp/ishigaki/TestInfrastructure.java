package jp.ishigaki;

import io.quarkus.test.common.QuarkusTestResource;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.platform.testing.MariaDbTestResource;

/**
 * The real infrastructure of every {@code @QuarkusTest} in this module: an embedded Kafka broker and a fresh MariaDB
 * database. Declared once, so every test class shares one application start.
 */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MariaDbTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
