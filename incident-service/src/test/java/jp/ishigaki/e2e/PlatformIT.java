package jp.ishigaki.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform end to end, as packaged: a raw ECS event produced to Kafka becomes an incident in the REST API
 * and an e-mail to the on-duty operator, and a malformed record is dead-lettered without stopping the records after it.
 */
class PlatformIT {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);
    private static final String OPERATOR_EMAIL = "soc-duty@city.ishigaki.example.jp";

    private static PackagedPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = PackagedPlatform.start();
        createOperatorContact();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aDefenderAlertBecomesAnIncidentInTheApiAndAnEmailToTheOperator() {
        String host = "lg-pc-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaRecords.send(platform.kafka, Topics.EVENTS_RAW, host,
                EcsEvents.defenderRemediationFailed("e2e-" + UUID.randomUUID(), host));

        JsonPath incident = awaitIncidentFor(host);
        assertThat(incident.getString("threat")).isEqualTo("T1-02");
        assertThat(incident.getString("number")).matches("INC-\\d{4}-\\d{6}");
        assertThat(incident.getLong("detectionCount")).isGreaterThanOrEqualTo(1);

        String number = incident.getString("number");
        MimeMessage mail = await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> mailAbout(number), Optional::isPresent).orElseThrow();
        assertThat(recipients(mail)).contains(OPERATOR_EMAIL);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextGoodRecordIsStillProcessed() {
        String badKey = "e2e-malformed-" + UUID.randomUUID();
        KafkaRecords.send(platform.kafka, Topics.EVENTS_RAW, badKey,
                "{\"@timestamp\": \"2026-11-26T09:00:00+09:00\", \"event\": {".getBytes(StandardCharsets.UTF_8));
        String host = "lg-pc-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaRecords.send(platform.kafka, Topics.EVENTS_RAW, host,
                EcsEvents.defenderRemediationFailed("e2e-" + UUID.randomUUID(), host));

        List<ConsumerRecord<String, DeadLetter>> dead = KafkaRecords.await(platform.kafka, Topics.EVENTS_DLQ,
                record -> badKey.equals(record.key()), FLOW_TIMEOUT);
        assertThat(dead).as("dead letter for %s%s", badKey, platform.logTails()).hasSize(1);
        DeadLetter letter = dead.get(0).value();
        assertThat(letter.reason()).isNotNull();
        assertThat(letter.sourceTopic()).isEqualTo(Topics.EVENTS_RAW.name());
        assertThat(letter.value()).startsWith("{\"@timestamp\"");

        assertThat(awaitIncidentFor(host).getString("threat")).isEqualTo("T1-02");
    }

    /** Polls the incident list until an incident's title names the host (rule title — host); returns its detail. */
    private static JsonPath awaitIncidentFor(String host) {
        try {
            return await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> incidentFor(host), Optional::isPresent).orElseThrow();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no incident for host " + host + " within " + FLOW_TIMEOUT.toSeconds() + " s"
                    + platform.logTails(), e);
        }
    }

    private static Optional<JsonPath> incidentFor(String host) {
        List<Map<String, Object>> items = api().queryParam("size", 100).get("/api/incidents")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream()
                .filter(item -> String.valueOf(item.get("title")).contains(host))
                .map(item -> api().get("/api/incidents/{id}", item.get("id")).then().statusCode(200).extract().jsonPath())
                .findFirst();
    }

    private static Optional<MimeMessage> mailAbout(String incidentNumber) {
        return platform.mail.messages().stream().filter(message -> {
            try {
                String subject = message.getSubject() == null ? "" : message.getSubject();
                return subject.contains(incidentNumber) || text(message).contains(incidentNumber);
            } catch (Exception e) {
                return false;
            }
        }).findFirst();
    }

    /** All text parts of a message, decoded. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return "";
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The on-duty SOC operator with an e-mail address, through the contacts API (HIGH and MEDIUM notify operators). */
    private static void createOperatorContact() {
        api().contentType(ContentType.JSON)
                .body(Map.of("name", "石垣 当直オペレーター", "nameEn", "Ishigaki SOC duty", "email", OPERATOR_EMAIL,
                        "language", "ja", "roles", List.of("operator")))
                .post("/api/contacts/people")
                .then().statusCode(201);
    }

    private static RequestSpecification api() {
        return RestAssured.given().baseUri(platform.incident.baseUrl())
                .auth().preemptive().basic("admin", platform.adminPassword)
                .accept(ContentType.JSON);
    }
}
