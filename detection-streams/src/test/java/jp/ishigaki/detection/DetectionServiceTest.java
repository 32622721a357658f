package jp.ishigaki.detection;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.event.ClassifiedEvent;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.event.RejectReason;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The whole service against a real Kafka broker (KRaft, in the test JVM): raw events in, dead letters, classified
 * events and detections out; rules hot-reloaded from the configured directory; /api/rules and /q/metrics.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(DetectionServiceTest.Profile.class)
class DetectionServiceTest {

    static final Path RULES_DIR = tempDir();
    static final String RULES_TOKEN = UUID.randomUUID().toString();

    /** A unique application id and an operator rule directory for this test. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.kafka-streams.application-id", "detection-it-" + UUID.randomUUID(),
                    "ishigaki.rules.dir", RULES_DIR.toString(),
                    "ishigaki.rules.scan-interval", "300ms",
                    "ishigaki.detection.update-interval", "2s",
                    "kafka-streams.commit.interval.ms", "100",
                    "ishigaki.rules.api-token", RULES_TOKEN);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("ishigaki-rules");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bootstrap() {
        return KafkaTestResource.bootstrapServers();
    }

    private static void sendRaw(String key, String json) {
        KafkaRecords.send(bootstrap(), Topics.EVENTS_RAW, key, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldClassifyEnrichDetectAndDeadLetterOnARealBroker() {
        Asset asset = new Asset("A-IT-1", "住民記録システム 端末", List.of("mn-it-01"), List.of("10.77.0.0/24"),
                Segment.MYNUMBER, "市民課", "山田 太郎", "3B", "1", "1", Instant.now());
        KafkaRecords.send(bootstrap(), Topics.ASSETS, asset.id(), asset);
        awaitAssetKnown("mn-it-01", "A-IT-1");
        String eventId = "it-" + UUID.randomUUID();
        String event = """
                {"@timestamp":"%s","event":{"id":"%s","kind":"event","dataset":"mynumber.device"},
                 "observer.type":"mynumber-terminal","host.name":"mn-it-01","user.name":"kobayashi",
                 "event.action":"removable-media-write","device.serial":"ZZ99","file.name":"住民票データ.csv"}
                """.formatted(Instant.now(), eventId);
        sendRaw("mn-it-01", "{oops");
        sendRaw("mn-it-01", event);

        List<ConsumerRecord<String, DeadLetter>> letters = KafkaRecords.await(bootstrap(), Topics.EVENTS_DLQ,
                r -> "{oops".equals(r.value().value()), Duration.ofSeconds(90));
        assertThat(letters).singleElement().satisfies(r -> {
            assertThat(r.value().reason()).isEqualTo(RejectReason.NOT_JSON);
            assertThat(r.value().sourceTopic()).isEqualTo(Topics.EVENTS_RAW.name());
            assertThat(r.key()).isEqualTo("mn-it-01");
        });

        List<ConsumerRecord<String, ClassifiedEvent>> classified = KafkaRecords.await(bootstrap(), Topics.EVENTS_CLASSIFIED,
                r -> eventId.equals(r.value().eventId()), Duration.ofSeconds(60));
        assertThat(classified).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("mn-it-01");
            assertThat(r.value().segment()).isEqualTo(Segment.MYNUMBER);
            assertThat(r.value().asset().id()).isEqualTo("A-IT-1");
            assertThat(r.value().ruleIds()).contains("mn-usb-write-unapproved", "mn-usb-write");
        });

        List<ConsumerRecord<String, Detection>> detections = KafkaRecords.await(bootstrap(), Topics.DETECTIONS,
                r -> r.value().eventIds().contains(eventId) && r.value().ruleId().equals("mn-usb-write-unapproved"),
                Duration.ofSeconds(60));
        assertThat(detections).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(r.value().dedupKey()).isEqualTo("mn-usb-write-unapproved|host.name=mn-it-01");
            assertThat(r.value().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(r.value().asset().department()).isEqualTo("市民課");
        });
    }

    /** The global table is read by its own thread: wait until an event on the host is enriched with the asset. */
    private static void awaitAssetKnown(String host, String assetId) {
        // Generous: the global thread competes for two cores with the stream threads and the broker.
        await().atMost(Duration.ofSeconds(180)).until(() -> {
            String probe = "probe-" + UUID.randomUUID();
            sendRaw(host, """
                    {"@timestamp":"%s","event.id":"%s","event.kind":"event","observer.type":"windows",
                     "event.code":"4740","host.name":"%s","user.name":"probe"}
                    """.formatted(Instant.now(), probe, host));
            return KafkaRecords.await(bootstrap(), Topics.EVENTS_CLASSIFIED, r -> probe.equals(r.value().eventId()),
                    Duration.ofSeconds(30)).stream().anyMatch(r -> r.value().asset() != null
                    && assetId.equals(r.value().asset().id()));
        });
    }

    @Test
    void shouldHotReloadOperatorRulesAndListThemWithRejections() throws IOException {
        given().when().get("/api/rules").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().when().get("/api/rule").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("nothing at /api/rule"));
        given().when().get("/q/health").then().statusCode(200);
        given().auth().oauth2("not-" + RULES_TOKEN).when().get("/api/rules").then().statusCode(401);
        given().auth().oauth2(RULES_TOKEN).when().get("/api/rules").then().statusCode(200)
                .body("rules.id", hasItem("win-logon-failed"))
                .body("rules.id", hasItem("corr-win-brute-force"));

        Files.writeString(RULES_DIR.resolve("broken.yml"), "title: broken\nid: b-1\nlevel: high\ntags: [ishigaki.threat.T1-01]\n"
                + "detection:\n  s: {a|nope: 1}\n  condition: s\n");
        Files.writeString(RULES_DIR.resolve("printer.yml"), """
                title: 複合機の紙詰まり (運用ルール)
                id: op-printer-jam
                level: low
                tags: [ishigaki.threat.T2-10]
                logsource: {product: printer}
                detection:
                  s: {event.action: paper-jam}
                  condition: s
                """);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(RULES_TOKEN).when().get("/api/rules").then().statusCode(200)
                .body("rules.id", hasItem("op-printer-jam"))
                .body("rejected.message", hasItem(RULES_DIR.resolve("broken.yml") + ":6: unsupported modifier 'nope' on field 'a'"
                        + " (supported: contains, startswith, endswith, re, cidr, all, exists, gt, gte, lt, lte)")));

        String eventId = "jam-" + UUID.randomUUID();
        sendRaw("prn-3f", """
                {"@timestamp":"%s","event.id":"%s","event.kind":"event","observer.type":"printer",
                 "host.name":"prn-3f","event.action":"paper-jam"}
                """.formatted(Instant.now(), eventId));
        assertThat(KafkaRecords.await(bootstrap(), Topics.DETECTIONS,
                r -> r.value().ruleId().equals("op-printer-jam") && r.value().eventIds().contains(eventId),
                Duration.ofSeconds(60))).hasSize(1);
    }

    @Test
    void countersShouldAddUpAtTheMetricsEndpoint() {
        sendRaw(null, "[1,2]");
        sendRaw(null, """
                {"@timestamp":"%s","event.id":"%s","event.kind":"event","observer.type":"nothing-matches"}
                """.formatted(Instant.now(), UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            double received = sum(metrics, "ishigaki_events_received_total");
            double classified = sum(metrics, "ishigaki_events_classified_total");
            double discarded = sum(metrics, "ishigaki_events_discarded_total");
            double dead = sum(metrics, "ishigaki_events_dead_lettered_total");
            assertThat(received).isGreaterThanOrEqualTo(2);
            assertThat(discarded).isGreaterThanOrEqualTo(1);
            assertThat(dead).isGreaterThanOrEqualTo(1);
            assertThat(classified + discarded + dead).isEqualTo(received);
        });
    }

    private static double sum(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})?\\s+([0-9.Ee+-]+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(2));
        }
        return total;
    }
}
