package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.event.RejectReason;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import jp.ishigaki.testing.Fixtures;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The rejected-events page over HTTP: a dead letter on security.events.dlq is listed with its reason and escaped
 * value; an operator's fixed value goes back to security.events.raw under the original key; the auditor may not; a
 * replayed record is marked (who, when) and another replay is refused until confirmed.
 */
@QuarkusTest
class ConsoleRejectedTest {

    static DeadLetter deadLetter(String key, String value) {
        return new DeadLetter(RejectReason.NOT_JSON, "Unexpected character ('<' (code 60))", Topics.EVENTS_RAW.name(),
                3, 4711, Instant.parse("2026-04-01T01:02:03Z"), key, value, null);
    }

    @Test
    void operatorReplaysAFixedRecordUnderItsOriginalKey() {
        String key = "host-" + UUID.randomUUID();
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.EVENTS_DLQ, key,
                deadLetter(key, "{\"message\": \"<script>alert(1)</script>\", broken"));
        ConsoleSession operator = ConsoleSession.signIn(TestUsers.create(Role.OPERATOR));
        String page = operator.get("/console/rejected");
        assertThat(page).contains(key, "NOT_JSON", "JSONとして読めない", "security.events.raw / 3 / 4711", "2026-04-01 10:02:03",
                "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        int start = page.indexOf(key);
        String action = page.substring(page.lastIndexOf("data-dlq=\"", start));
        String path = action.replaceAll("(?s).*?action=\"(/console/rejected/\\d+/\\d+/replay)\".*", "$1");
        assertThat(path).startsWith("/console/rejected/").endsWith("/replay");

        String fixed = "{\"message\": \"fixed " + key + "\", \"host\": \"" + key + "\"}";
        operator.form().formParam("csrf-token", "forged")
                .formParam("value", fixed).post(path).then().statusCode(400);
        operator.form()
                .formParam("csrf-token", operator.token("/console/rejected")).formParam("value", fixed)
                .post(path).then().statusCode(303);

        List<ConsumerRecord<String, byte[]>> replayed = KafkaRecords.await(KafkaTestResource.bootstrapServers(),
                Topics.EVENTS_RAW, r -> key.equals(r.key()), Duration.ofSeconds(20));
        assertThat(replayed).hasSize(1);
        assertThat(new String(replayed.get(0).value(), StandardCharsets.UTF_8)).isEqualTo(fixed);
    }

    @Test
    void aValueThatIsNotUtf8IsShownAndReplayedAsBase64() {
        String key = "bin-" + UUID.randomUUID();
        byte[] original = {(byte) 0xff, (byte) 0xfe, 'x', 'y'};
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.EVENTS_DLQ, key, new DeadLetter(
                RejectReason.NOT_JSON, "not UTF-8", Topics.EVENTS_RAW.name(), 0, 1, Instant.now(), key, null,
                Base64.getEncoder().encodeToString(original)));
        ConsoleSession operator = ConsoleSession.signIn(TestUsers.create(Role.OPERATOR));
        String page = operator.get("/console/rejected");
        String row = page.substring(page.lastIndexOf("data-dlq=\"", page.indexOf(key)));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("(base64)", "name=\"encoding\" value=\"base64\"",
                Base64.getEncoder().encodeToString(original));
        String path = row.replaceAll("(?s).*?action=\"(/console/rejected/\\d+/\\d+/replay)\".*", "$1");

        byte[] fixed = "{\"message\": \"from base64\"}".getBytes(StandardCharsets.UTF_8);
        operator.form().formParam("csrf-token", operator.token("/console/rejected")).formParam("encoding", "base64")
                .formParam("value", Base64.getEncoder().encodeToString(fixed)).post(path).then().statusCode(303);
        List<ConsumerRecord<String, byte[]>> replayed = KafkaRecords.await(KafkaTestResource.bootstrapServers(),
                Topics.EVENTS_RAW, r -> key.equals(r.key()), Duration.ofSeconds(20));
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).value()).isEqualTo(fixed);
    }

    @Test
    void auditorSeesRejectedEventsButCannotReplay() {
        String key = "audit-" + UUID.randomUUID();
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.EVENTS_DLQ, key, deadLetter(key, "nope"));
        ConsoleSession auditor = ConsoleSession.signIn(TestUsers.create(Role.AUDITOR));
        String page = auditor.get("/console/rejected");
        assertThat(page).contains(key).doesNotContain("/replay\"");
        String token = page.replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        auditor.form().formParam("csrf-token", token)
                .formParam("value", "{}").post("/console/rejected/0/0/replay").then().statusCode(403);
    }

    // ---- Replay marks (issue 6, branch dash) ----

    @Test
    void aReplayedRecordIsMarkedAndAnotherReplayIsRefusedUntilConfirmed() throws Exception {
        String key = "mark-" + UUID.randomUUID();
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.EVENTS_DLQ, key, deadLetter(key, "{broken"));
        TestUsers.Credentials first = TestUsers.create(Role.OPERATOR);
        TestUsers.Credentials second = TestUsers.create(Role.SUPERVISOR);
        ConsoleSession a = ConsoleSession.signIn(first);
        ConsoleSession b = ConsoleSession.signIn(second);
        String staleForB = rowOf(b.get("/console/rejected"), key);
        assertThat(staleForB).contains("name=\"seen\" value=\"0\"").doesNotContain("replay-mark");
        String path = staleForB.replaceAll("(?s).*?action=\"(/console/rejected/(\\d+)/(\\d+)/replay)\".*", "$1");
        String[] position = path.split("/");
        int partition = Integer.parseInt(position[3]);
        long offset = Long.parseLong(position[4]);

        String fixed = "{\"message\": \"fixed " + key + "\"}";
        String to = a.form().formParam("csrf-token", a.token("/console/rejected")).formParam("value", fixed)
                .formParam("seen", "0").post(path).then().statusCode(303).extract().header("Location");
        assertThat(to).contains("replayed=");
        assertThat(mark(partition, offset, "replay_count")).isEqualTo(1);
        assertThat(mark(partition, offset, "last_by")).isEqualTo(first.username());

        // b still has the page from before the replay: refused, with who and when
        to = b.form().formParam("csrf-token", b.token("/console/rejected")).formParam("value", fixed)
                .formParam("seen", "0").post(path).then().statusCode(303).extract().header("Location");
        String error = URLDecoder.decode(to.replaceAll(".*[?&]error=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        assertThat(error).contains("再送済み", first.username());
        assertThat(b.get(to.replaceAll("^https?://[^/]+", ""))).contains("id=\"rejected-error\"", first.username());
        assertThat(recordsWithKey(key)).isEqualTo(1);

        // the fresh page shows the mark and asks for a confirmation
        String row = rowOf(b.get("/console/rejected"), key);
        assertThat(row).contains("class=\"replay-mark\"", "再送済み: " + first.username(), "(1 回)",
                "name=\"seen\" value=\"1\"", "name=\"again\" value=\"yes\" required", "もう一度再送する");
        b.form().formParam("csrf-token", b.token("/console/rejected")).formParam("value", fixed)
                .formParam("seen", "1").post(path).then().statusCode(303).header("Location", containsString("error="));
        assertThat(recordsWithKey(key)).isEqualTo(1);

        to = b.form().formParam("csrf-token", b.token("/console/rejected")).formParam("value", fixed)
                .formParam("seen", "1").formParam("again", "yes").post(path).then().statusCode(303)
                .extract().header("Location");
        assertThat(to).contains("replayed=").doesNotContain("error=");
        assertThat(recordsWithKey(key)).isEqualTo(2);
        assertThat(mark(partition, offset, "replay_count")).isEqualTo(2);
        assertThat(mark(partition, offset, "last_by")).isEqualTo(second.username());
        assertThat(mark(partition, offset, "first_by")).isEqualTo(first.username());

        // the auditor sees the mark too
        ConsoleSession auditor = ConsoleSession.signIn(TestUsers.create(Role.AUDITOR));
        assertThat(rowOf(auditor.get("/console/rejected?lang=en"), key))
                .contains("Replayed: " + second.username(), "(2 time(s))").doesNotContain("/replay\"");
    }

    private static String rowOf(String page, String key) {
        String row = page.substring(page.lastIndexOf("data-dlq=\"", page.indexOf(key)));
        return row.substring(0, row.indexOf("</tr>"));
    }

    private static Object mark(int partition, long offset, String column) throws Exception {
        Object v = Fixtures.scalar("SELECT " + column + " FROM dead_letter_replay WHERE topic = ? AND part = ? AND off = ?",
                Topics.EVENTS_DLQ.name(), partition, offset);
        return v instanceof Number n ? n.intValue() : v;
    }

    /** Records of security.events.raw with that key, read up to the end offsets. */
    private static long recordsWithKey(String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(Topics.EVENTS_RAW.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long n = 0;
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline) && parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        n++;
                    }
                }
            }
            return n;
        }
    }
}
