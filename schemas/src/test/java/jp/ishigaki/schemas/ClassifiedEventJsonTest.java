package jp.ishigaki.schemas;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.event.ClassifiedEvent;
import jp.ishigaki.schemas.event.ClassifiedEventJson;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Json;
import jp.ishigaki.schemas.topic.RawJsonObject;
import jp.ishigaki.schemas.topic.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written writer of {@code security.events.classified} gives the very bytes of the mapper. */
class ClassifiedEventJsonTest {

    /** Quotes, backslash, control characters, line separators, Japanese, a surrogate pair, HTML. */
    private static final String AWKWARD = "端末「042」 \"quoted\" back\\slash /path\n\t\r\b\f\u0000\u001f\u007f"
            + "\u2028\u2029 é 😀 </script>";

    private static final RawJsonObject RAW = RawJsonObject.of("""
            {"@timestamp":"2026-11-26T01:02:03Z","event":{"id":"e-1","code":"4625"},\
            "message":"<script>alert(1)</script> 日本語 \\"q\\" \\\\ \\u0001","n":1.50,"ok":true,"list":[1,null,"x"]}\
            """.getBytes(StandardCharsets.UTF_8));

    static Stream<Arguments> events() {
        ClassifiedEvent sample = Samples.classified();
        return Stream.of(
                Arguments.of("sample, all fields", sample),
                Arguments.of("all nulls, empty lists", new ClassifiedEvent(null, null, null, null, null, null, null,
                        null, null, null, null)),
                Arguments.of("raw event, no asset", withEvent(sample, null, RAW)),
                Arguments.of("empty asset", withEvent(sample, new Asset(null, null, null, null, null, null, null, null,
                        null, null, null), RAW)),
                Arguments.of("plain nested map", withEvent(sample, sample.asset(), plainMap())),
                Arguments.of("empty map", withEvent(sample, null, Map.of())),
                Arguments.of("awkward text", new ClassifiedEvent(AWKWARD, Samples.AT, AWKWARD, Threat.T5_03,
                        List.of(Control.values()), Segment.UNKNOWN, Severity.INFO, List.of(AWKWARD, "", "理由"),
                        List.of(AWKWARD), new Asset(AWKWARD, AWKWARD, List.of(AWKWARD, ""), List.of("::1/128"),
                        Segment.FACILITY, AWKWARD, AWKWARD, AWKWARD, "1", "1", Instant.EPOCH), RAW)),
                Arguments.of("every enum", new ClassifiedEvent("e", Samples.AT, "h", Threat.T1_07,
                        List.of(Control.LG_SPLIT, Control.OUTSOURCING), Segment.LGWAN, Severity.CRITICAL, List.of(),
                        List.of("r-1", "r-2"), null, RAW)),
                Arguments.of("epoch", at("1970-01-01T00:00:00Z")),
                Arguments.of("seconds", at("2026-11-26T01:02:03Z")),
                Arguments.of("zero seconds", at("2026-01-01T00:00:00Z")),
                Arguments.of("milliseconds", at("2026-11-26T01:02:03.456Z")),
                Arguments.of("100 milliseconds", at("2026-11-26T01:02:03.100Z")),
                Arguments.of("microseconds", at("2026-11-26T01:02:03.456789Z")),
                Arguments.of("nanoseconds", at("2026-11-26T01:02:03.456789123Z")),
                Arguments.of("one nanosecond", at("2026-11-26T01:02:03.000000001Z")),
                Arguments.of("before 1970", at("1969-12-31T23:59:59.999Z")),
                Arguments.of("leap day", at("2024-02-29T23:59:59.5Z")),
                Arguments.of("year 0", at("0000-01-01T00:00:00Z")),
                Arguments.of("year 9999", at("9999-12-31T23:59:59.999999999Z")));
    }

    /** Also written like the mapper, but not read back equal (the mapper drops null map values) or at all. */
    static Stream<Arguments> writtenOnly() {
        Map<String, Object> withNull = new LinkedHashMap<>(plainMap());
        withNull.put("none", null);
        return Stream.of(
                Arguments.of("map with a null value", withEvent(Samples.classified(), null, withNull)),
                Arguments.of("year -1", at(Instant.parse("0000-01-01T00:00:00Z").minusNanos(1))),
                Arguments.of("year 10000", at(Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1))),
                Arguments.of("Instant.MIN", at(Instant.MIN)),
                Arguments.of("Instant.MAX", at(Instant.MAX)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"events", "writtenOnly"})
    void shouldWriteTheMappersBytes(String name, ClassifiedEvent event) throws Exception {
        byte[] expected = Json.mapper().writeValueAsBytes(event);

        assertThat(ClassifiedEventJson.toBytes(event)).as(new String(expected, StandardCharsets.UTF_8))
                .isEqualTo(expected);
        assertThat(Topics.EVENTS_CLASSIFIED.valueSerde().serializer().serialize("t", event)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldReadBackEqualThroughTheTopicSerde(String name, ClassifiedEvent event) {
        byte[] bytes = Topics.EVENTS_CLASSIFIED.valueSerde().serializer().serialize("t", event);

        assertThat(Topics.EVENTS_CLASSIFIED.valueSerde().deserializer().deserialize("t", bytes)).isEqualTo(event);
    }

    @Test
    void shouldWriteRandomInstantsOfYears0To9999AsTheMapperDoes() throws Exception {
        long first = LocalDate.of(0, 1, 1).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);
        long last = LocalDate.of(10_000, 1, 1).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC) - 1;
        int[] precisions = {1_000_000_000, 1_000_000, 1_000, 1};
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long seconds = first + (long) (random.nextDouble() * (last - first + 1));
            int unit = precisions[random.nextInt(precisions.length)];
            ClassifiedEvent event = at(Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000) / unit * unit));

            assertThat(ClassifiedEventJson.toBytes(event)).isEqualTo(Json.mapper().writeValueAsBytes(event));
        }
    }

    /** A new component must be written by ClassifiedEventJson too: this fails first, to say so. */
    @Test
    void shouldKnowEveryComponentOfTheRecords() {
        assertThat(Arrays.stream(ClassifiedEvent.class.getRecordComponents()).map(c -> c.getName())).containsExactly(
                "eventId", "timestamp", "host", "threat", "controls", "segment", "severity", "severityReasons",
                "ruleIds", "asset", "event");
        assertThat(Arrays.stream(Asset.class.getRecordComponents()).map(c -> c.getName())).containsExactly(
                "id", "name", "hosts", "cidrs", "segment", "department", "manager", "confidentiality", "integrity",
                "availability", "updatedAt");
    }

    private static Map<String, Object> plainMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("@timestamp", "2026-11-26T01:02:03Z");
        map.put("event", Map.of("id", "evt-1", "code", "4625"));
        map.put("メッセージ", AWKWARD);
        map.put("numbers", List.of(1, 2.5, -3, 12345678901234L));
        map.put("flags", List.of(true, false));
        map.put("nested", Map.of("deeper", List.of(Map.of("k", "v"))));
        return map;
    }

    private static ClassifiedEvent at(String timestamp) {
        return at(Instant.parse(timestamp));
    }

    private static ClassifiedEvent at(Instant timestamp) {
        ClassifiedEvent sample = Samples.classified();
        Asset asset = sample.asset();
        return new ClassifiedEvent(sample.eventId(), timestamp, sample.host(), sample.threat(), sample.controls(),
                sample.segment(), sample.severity(), sample.severityReasons(), sample.ruleIds(),
                new Asset(asset.id(), asset.name(), asset.hosts(), asset.cidrs(), asset.segment(), asset.department(),
                        asset.manager(), asset.confidentiality(), asset.integrity(), asset.availability(), timestamp),
                RAW);
    }

    private static ClassifiedEvent withEvent(ClassifiedEvent e, Asset asset, Map<String, Object> document) {
        return new ClassifiedEvent(e.eventId(), e.timestamp(), e.host(), e.threat(), e.controls(), e.segment(),
                e.severity(), e.severityReasons(), e.ruleIds(), asset, document);
    }
}
