package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.event.RejectReason;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rejected-events page over HTTP: a dead letter on security.events.dlq is listed with its reason and escaped
 * value; an operator's fixed value goes back to security.events.raw under the original key; the auditor may not.
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
}
