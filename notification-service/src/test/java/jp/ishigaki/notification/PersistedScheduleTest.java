package jp.ishigaki.notification;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.platform.testing.MariaDbTestResource;
import jp.ishigaki.schemas.notification.DeliveryStatus;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.NotificationResult;
import jp.ishigaki.schemas.topic.Json;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart in the middle of a backoff schedule: rows left in the delivery log by a previous instance (one waiting for
 * its third attempt, one claimed by an instance that died mid-send) are picked up and fired by this one, on time.
 */
@QuarkusTest
class PersistedScheduleTest {

    @Test
    void shouldFireTheNextAttemptOfAScheduleLeftByAPreviousInstanceWhenItIsDue() throws Exception {
        String address = Samples.mailbox();
        NotificationRequest request = Samples.escalation("再起動をまたぐ再送", List.of(Samples.email("山田 太郎", "ja", address)));
        insertLeftOverRow(request, 2, 2_000);

        Mailbox.sleep(1_000);
        assertThat(Mailbox.to(address)).as("not before its due time").isEmpty();

        assertThat(Mailbox.await(address, 1, Duration.ofSeconds(15))).hasSize(1);
        List<NotificationResult> results = KafkaTopics.results(r -> r.notificationId().equals(request.id()), 1,
                Duration.ofSeconds(15));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(r.attempt()).isEqualTo(3);
            assertThat(r.maxAttempts()).isEqualTo(5);
        });
        assertThat(EmailDeliveryTest.deliveryStatuses(request.id())).containsExactly("SENT");
    }

    @Test
    void shouldRetryAnAttemptWhoseInstanceDiedMidSendOnceItsLeaseRunsOut() throws Exception {
        String address = Samples.mailbox();
        NotificationRequest request = Samples.escalation("送信中に停止", List.of(Samples.email("山田 太郎", "ja", address)));
        insertLeftOverRow(request, 1, -5_000);

        assertThat(Mailbox.await(address, 1, Duration.ofSeconds(15))).hasSize(1);
        List<NotificationResult> results = KafkaTopics.results(r -> r.notificationId().equals(request.id()), 1,
                Duration.ofSeconds(15));
        assertThat(results).singleElement().satisfies(r -> assertThat(r.attempt()).isEqualTo(2));
    }

    @Test
    void shouldSkipARowLockedByAnotherInstanceWithoutHoldingUpOtherNotices() throws Exception {
        String lockedAddress = Samples.mailbox();
        NotificationRequest locked = Samples.escalation("別インスタンスが処理中", List.of(Samples.email("山田 太郎", "ja", lockedAddress)));
        insertLeftOverRow(locked, 0, 1_500);
        String otherAddress = Samples.mailbox();
        NotificationRequest other = Samples.escalation("並行する通知", List.of(Samples.email("佐藤 花子", "ja", otherAddress)));

        try (Connection otherInstance = MariaDbTestResource.connection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement lock = otherInstance.prepareStatement(
                    "SELECT id FROM delivery WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, deliveryId(locked.id()));
                lock.executeQuery().close();
            }
            Mailbox.sleep(2_000);
            KafkaTopics.request(other);

            assertThat(Mailbox.await(otherAddress, 1, Duration.ofSeconds(15))).as("not blocked by the lock").hasSize(1);
            assertThat(Mailbox.to(lockedAddress)).as("skipped while another instance holds it").isEmpty();
            otherInstance.rollback();
        }

        assertThat(Mailbox.await(lockedAddress, 1, Duration.ofSeconds(15))).as("taken once the lock is gone").hasSize(1);
    }

    @Test
    void shouldSetADamagedRowAsideWithoutStallingTheSchedule() throws Exception {
        String damagedId = "damaged-" + java.util.UUID.randomUUID();
        try (Connection db = MariaDbTestResource.connection();
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO delivery (notification_id, recipient_key, incident_id, channel, address, recipient_index,
                         request_json, status, attempts, max_attempts, due_at, next_attempt_at, created_at, updated_at)
                     VALUES (?, SHA2(?, 256), 'inc-x', 'EMAIL', 'x@example.jp', 0, '{"id": broken', 'PENDING', 0, 5,
                         UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) - INTERVAL 1 SECOND, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""")) {
            insert.setString(1, damagedId);
            insert.setString(2, damagedId);
            insert.executeUpdate();
        }
        String address = Samples.mailbox();
        NotificationRequest request = Samples.escalation("壊れた行の後", List.of(Samples.email("山田 太郎", "ja", address)));
        KafkaTopics.request(request);

        assertThat(Mailbox.await(address, 1, Duration.ofSeconds(15))).hasSize(1);
        assertThat(EmailDeliveryTest.deliveryStatuses(damagedId)).containsExactly("FAILED");
    }

    private static long deliveryId(String notificationId) throws Exception {
        try (Connection db = MariaDbTestResource.connection();
             PreparedStatement query = db.prepareStatement("SELECT id FROM delivery WHERE notification_id = ?")) {
            query.setString(1, notificationId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** A row as a stopped instance leaves it: {@code attempts} made, next attempt {@code dueInMillis} from now. */
    private static void insertLeftOverRow(NotificationRequest request, int attempts, long dueInMillis) throws Exception {
        try (Connection db = MariaDbTestResource.connection();
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO delivery (notification_id, recipient_key, incident_id, channel, address, recipient_index,
                         request_json, status, attempts, max_attempts, due_at, next_attempt_at, last_error, created_at,
                         updated_at)
                     VALUES (?, SHA2(?, 256), ?, 'EMAIL', ?, 0, ?, 'PENDING', ?, 5, UTC_TIMESTAMP(6),
                         UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND, 'SMTP: ConnectException: Connection refused',
                         UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""")) {
            insert.setString(1, request.id());
            insert.setString(2, "EMAIL\n" + request.recipients().get(0).address());
            insert.setString(3, request.incidentId());
            insert.setString(4, request.recipients().get(0).address());
            insert.setString(5, Json.mapper().writeValueAsString(request));
            insert.setInt(6, attempts);
            insert.setLong(7, dueInMillis * 1_000);
            insert.executeUpdate();
        }
    }
}
