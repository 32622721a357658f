package jp.ishigaki.detection.classify;

import jp.ishigaki.detection.TestEvents;
import jp.ishigaki.detection.rules.RuleFiles;
import jp.ishigaki.detection.sigma.RuleLoader;
import jp.ishigaki.detection.sigma.RuleSet;
import jp.ishigaki.detection.simulate.EventGenerator;
import jp.ishigaki.schemas.event.RawEvents;
import jp.ishigaki.schemas.topic.RawJsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FlatEventsTest {

    private static void assertSameAsContractParser(byte[] json) {
        NormalisedEvent fast = FlatEvents.parse(json, RawEvents.DEFAULT_MAX_BYTES);
        assertThat(fast).as(new String(json, StandardCharsets.UTF_8)).isNotNull();
        NormalisedEvent slow = NormalisedEvent.of(((RawEvents.Valid) RawEvents.parse(json)).document());
        assertThat(fast.flat()).isEqualTo(slow.flat());
        assertThat(fast.document()).isEqualTo(slow.document());
        assertThat(List.copyOf(fast.document().keySet())).isEqualTo(List.copyOf(slow.document().keySet()));
        assertThat(fast.eventId()).isEqualTo(slow.eventId());
        assertThat(fast.timestamp()).isEqualTo(slow.timestamp());
        assertThat(fast.host()).isEqualTo(slow.host());
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void generatedEventsGiveTheSameFlatMapAndDocumentAsTheContractParser() {
        EventGenerator generator = new EventGenerator(7, EventGenerator.Mix.REALISTIC, 0.05);
        for (int i = 0; i < 3_000; i++) {
            assertSameAsContractParser(TestEvents.json(generator.next(Instant.now())));
        }
    }

    @Test
    void nestedEventsAsShippersSendThemKeepTheirBytesAsTheDocument() {
        EventGenerator generator = new EventGenerator(11, EventGenerator.Mix.REALISTIC, 0.05);
        for (int i = 0; i < 1_000; i++) {
            byte[] wire = EventGenerator.wire(generator.next(Instant.now()));
            assertSameAsContractParser(wire);
            assertThat(FlatEvents.parse(wire, RawEvents.DEFAULT_MAX_BYTES).document())
                    .isInstanceOfSatisfying(RawJsonObject.class, raw -> assertThat(raw.utf8()).isSameAs(wire));
        }
        assertThat(FlatEvents.parse(TestEvents.json(generator.next(Instant.now())), RawEvents.DEFAULT_MAX_BYTES)
                .document()).as("dotted names: the canonical document is built").isNotInstanceOf(RawJsonObject.class);
    }

    @Test
    void nestedDottedMixedArraysNumbersAndEmptyObjectsAgreeWithTheContractParser() {
        assertSameAsContractParser(bytes("""
                {"@timestamp":"2026-01-02T03:04:05+09:00","event":{"id":"e1","kind":"event","code":4625,
                 "category":["authentication"]},"observer.type":"Windows","host":{"name":"pc-1","ip":["10.0.0.1"]},
                 "source.port":443,"labels":{"x.y":true,"z":1.5,"big":123456789012345678901234567890,"e":{}},
                 "user.roles":[{"a":1},"b"]}"""));
    }

    @Test
    void anythingUnusualIsLeftToTheContractParser() {
        String envelope = "\"@timestamp\":\"2026-01-02T03:04:05Z\",\"event.id\":\"e1\",\"event.kind\":\"event\","
                + "\"observer.type\":\"linux\"";
        for (String json : List.of(
                "{" + envelope + ",\"a\":1,\"a.b\":2}",             // leaf and parent: conflict
                "{" + envelope + ",\"a\":{\"b\":1},\"a.b\":1}",     // same field twice (equal values merge)
                "{" + envelope + ",\"a\":null}",                    // nulls
                "{" + envelope + ",\"a..b\":1}",                    // literal empty segment
                "{" + envelope + ",\"a\":1,\"a\":2}",               // duplicate key
                "{\"@timestamp\":\"yesterday\",\"event.id\":\"e1\",\"event.kind\":\"event\",\"observer.type\":\"x\"}",
                "{\"@timestamp\":\"2026-01-02T03:04:05Z\",\"event.id\":\"e1\",\"event.kind\":\"other\",\"observer.type\":\"x\"}",
                "{\"event.id\":\"e1\",\"event.kind\":\"event\",\"observer.type\":\"x\"}",
                "[1,2]", "{not json", "")) {
            assertThat(FlatEvents.parse(bytes(json), RawEvents.DEFAULT_MAX_BYTES)).as(json).isNull();
        }
        assertThat(FlatEvents.parse(bytes("{" + envelope + "}"), 10)).isNull();
        assertThat(FlatEvents.parse(bytes("{" + envelope + "}"), RawEvents.DEFAULT_MAX_BYTES)).isNotNull();
    }

    @Test
    void aSelectionKeepsTheSelectedFieldsOfTheFullReadingAndTheEventsOwnBytes() {
        RuleSet rules = RuleLoader.load(RuleFiles.builtin()).ruleSet();
        FieldSelection selection = FieldSelection.of(rules);
        EventGenerator generator = new EventGenerator(13, EventGenerator.Mix.REALISTIC, 0.05);
        for (int i = 0; i < 2_000; i++) {
            byte[] wire = EventGenerator.wire(generator.next(Instant.now()));
            NormalisedEvent full = FlatEvents.parse(wire, RawEvents.DEFAULT_MAX_BYTES);
            NormalisedEvent selected = FlatEvents.parse(wire, RawEvents.DEFAULT_MAX_BYTES, selection);
            Map<String, Object> expected = new HashMap<>(full.flat());
            expected.keySet().retainAll(union(rules.fields(), FieldSelection.ALWAYS));
            assertThat(selected.flat()).isEqualTo(expected);
            assertThat(rules.match(selected.flat())).isEqualTo(rules.match(full.flat()));
            assertThat(((RawJsonObject) selected.document()).utf8()).isSameAs(wire);
            assertThat(List.of(selected.eventId(), selected.timestamp(), String.valueOf(selected.host())))
                    .isEqualTo(List.of(full.eventId(), full.timestamp(), String.valueOf(full.host())));
        }
    }

    @Test
    void aSelectionChecksTheFieldsItStepsOverAsTheFullReadingDoes() {
        FieldSelection selection = FieldSelection.of(RuleSet.empty());
        String envelope = "\"@timestamp\":\"2026-01-02T03:04:05Z\",\"event\":{\"id\":\"e1\",\"kind\":\"event\"},"
                + "\"observer\":{\"type\":\"linux\"}";
        for (String json : List.of(
                "{" + envelope + ",\"skipped\":{\"a\":null}}",          // a null where nothing is selected
                "{" + envelope + ",\"skipped\":{\"a\":1,\"a\":2}}",     // a duplicate key there
                "{" + envelope + ",\"skipped\":{\"\":1}}",                // an empty name there
                "{" + envelope + ",\"event\":{\"id\":\"e2\"}}")) {      // a selected object twice
            assertThat(FlatEvents.parse(bytes(json), RawEvents.DEFAULT_MAX_BYTES, selection)).as(json).isNull();
        }
        StringBuilder wide = new StringBuilder("{" + envelope + ",\"skipped\":{\"m0\":0");
        for (int i = 1; i < 65; i++) {
            wide.append(",\"m").append(i).append("\":").append(i);
        }
        assertThat(FlatEvents.parse(bytes(wide + "}}"), RawEvents.DEFAULT_MAX_BYTES, selection))
                .as("an object of more than 64 members is left to the contract parser").isNull();
        assertThat(RawEvents.parse(bytes(wide + "}}"))).isInstanceOf(RawEvents.Valid.class);
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(FlatEvents.parse(bytes("{" + envelope + ",\"skipped\":{\"Aa\":1,\"BB\":2,\"m\":{\"Aa\":1}}}"),
                RawEvents.DEFAULT_MAX_BYTES, selection)).as("names with equal hash codes, and a name repeated in another object")
                .isNotNull();
        assertThat(FlatEvents.parse(bytes("{" + envelope + ",\"skipped\":{\"Aa\":1,\"BB\":2,\"Aa\":3}}"),
                RawEvents.DEFAULT_MAX_BYTES, selection)).as("a repeat after a hash collision").isNull();
        NormalisedEvent dotted = FlatEvents.parse(bytes("{" + envelope + ",\"skipped\":{\"a.b\":1},\"labels\":{}}"),
                RawEvents.DEFAULT_MAX_BYTES, selection);
        assertThat(dotted.flat()).as("a dotted name: read in full, its document built").containsKeys("skipped.a.b", "labels");
        assertThat(dotted.document()).isNotInstanceOf(RawJsonObject.class);
        NormalisedEvent nested = FlatEvents.parse(bytes("{" + envelope + ",\"skipped\":{\"a\":[null,{}]},"
                + "\"labels\":{\"room\":{}},\"host\":{\"ip\":[\"10.0.0.1\"]}}"), RawEvents.DEFAULT_MAX_BYTES, selection);
        assertThat(nested.flat()).containsOnlyKeys("@timestamp", "event.id", "event.kind", "observer.type", "labels.room",
                "host.ip");
        assertThat(nested.flat().get("labels.room")).isEqualTo(Map.of());
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
