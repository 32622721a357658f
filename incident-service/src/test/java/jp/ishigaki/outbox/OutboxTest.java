package jp.ishigaki.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.platform.testing.MariaDbTestResource;
import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;

    @Test
    void shouldPublishAppendedRowsInOrderPerAggregateAndMarkThemSent() throws Exception {
        String assetId = "asset-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 1; i <= 5; i++) {
                outbox.append(Topics.ASSETS, assetId, assetId, asset(assetId, "v" + i));
            }
            outbox.append(Topics.ASSETS, assetId, assetId, null);
        });

        List<ConsumerRecord<String, Asset>> seen = new java.util.ArrayList<>();
        KafkaRecords.await(KafkaTestResource.bootstrapServers(), Topics.ASSETS, r -> {
            if (assetId.equals(r.key())) {
                seen.add(r);
            }
            return seen.size() >= 6;
        }, Duration.ofSeconds(20));
        assertThat(seen).hasSize(6);
        assertThat(seen.subList(0, 5)).extracting(r -> r.value().name()).containsExactly("v1", "v2", "v3", "v4", "v5");
        assertThat(seen.get(5).value()).as("tombstone").isNull();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Connection c = MariaDbTestResource.connection();
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT COUNT(*) FROM outbox WHERE aggregate_id = '" + assetId + "' AND sent_at IS NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        });
    }

    @Test
    void shouldRefuseToAppendOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append(Topics.ASSETS, "a", "a", asset("a", "x")))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    void shouldWriteNothingWhenTheTransactionRollsBack() throws Exception {
        String assetId = "asset-" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(Topics.ASSETS, assetId, assetId, asset(assetId, "x"));
            throw new IllegalStateException("business failure");
        })).isInstanceOf(IllegalStateException.class);
        try (Connection c = MariaDbTestResource.connection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM outbox WHERE aggregate_id = '" + assetId + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    private static Asset asset(String id, String name) {
        return new Asset(id, name, List.of("host1"), List.of(), Segment.LGWAN, "情報政策課", "山田", "2", "2", "2",
                Instant.parse("2026-11-26T00:00:00Z"));
    }
}
