package jp.ishigaki.schemas;

import jp.ishigaki.schemas.event.EcsDocument;
import jp.ishigaki.schemas.event.RawEvents;
import jp.ishigaki.schemas.event.RawEvents.Rejected;
import jp.ishigaki.schemas.event.RawEvents.Valid;
import jp.ishigaki.schemas.event.RejectReason;
import jp.ishigaki.schemas.topic.Json;
import jp.ishigaki.schemas.topic.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The input contract of security.events.raw: required fields, dotted = nested, unknown fields kept. */
class RawEventsTest {

    private static final String NESTED = """
            {"@timestamp":"2026-11-26T10:15:00+09:00",
             "event":{"id":"win-4625-0001","kind":"event","code":"4625","outcome":"failure"},
             "observer":{"type":"windows"},
             "host":{"name":"lg-pc-0101","ip":["10.20.1.15"]},
             "winlog":{"event_data":{"TargetUserName":"tanaka","LogonType":"3"}},
             "vendor_extra":{"x":1}}
            """;
    private static final String DOTTED = """
            {"@timestamp":"2026-11-26T10:15:00+09:00",
             "event.id":"win-4625-0001","event.kind":"event","event.code":"4625","event.outcome":"failure",
             "observer.type":"windows",
             "host.name":"lg-pc-0101","host.ip":["10.20.1.15"],
             "winlog.event_data.TargetUserName":"tanaka","winlog.event_data.LogonType":"3",
             "vendor_extra":{"x":1}}
            """;

    private static RawEvents.Parsed parse(String json) {
        return RawEvents.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nestedAndDottedKeysAreTheSameDocument() {
        Valid nested = (Valid) parse(NESTED);
        Valid dotted = (Valid) parse(DOTTED);

        assertThat(dotted.document()).isEqualTo(nested.document());
        assertThat(dotted.document().get("winlog.event_data.TargetUserName")).isEqualTo("tanaka");
        assertThat(dotted.eventId()).isEqualTo("win-4625-0001");
    }

    @Test
    void mixedNestedAndDottedKeysMerge() {
        Valid valid = (Valid) parse("""
                {"@timestamp":"2026-11-26T10:15:00Z","event":{"id":"e1"},"event.kind":"alert","observer.type":"edr",
                 "host":{"name":"h1"},"host.ip":["10.0.0.1"]}
                """);

        assertThat(valid.document().asMap().get("event")).isEqualTo(Map.of("id", "e1", "kind", "alert"));
        assertThat(valid.document().get("host.ip")).isEqualTo(List.of("10.0.0.1"));
    }

    @Test
    void unknownFieldsAreKept() {
        Valid valid = (Valid) parse(NESTED);

        assertThat(valid.document().get("vendor_extra.x")).isEqualTo(1);
        assertThat(valid.document().flatten()).containsEntry("winlog.event_data.LogonType", "3")
                .containsEntry("vendor_extra.x", 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@timestamp", "event.id", "event.kind", "observer.type"})
    void everyRequiredFieldIsRequired(String field) throws Exception {
        Map<String, Object> flat = new EcsDocumentFixture(DOTTED).without(field);

        Rejected rejected = (Rejected) RawEvents.parse(Json.mapper().writeValueAsBytes(flat));

        assertThat(rejected.reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(rejected.detail()).contains(field);
    }

    @Test
    void conflictingNestedAndDottedValuesAreRejected() {
        Rejected rejected = (Rejected) parse("""
                {"@timestamp":"2026-11-26T10:15:00Z","event":{"id":"a","kind":"event"},"event.id":"b","observer.type":"x"}
                """);

        assertThat(rejected.reason()).isEqualTo(RejectReason.CONFLICTING_FIELD);
        assertThat(rejected.detail()).contains("event.id");
    }

    @Test
    void wrongTypesAndValuesAreRejectedWithTheField() {
        assertThat(((Rejected) parse(NESTED.replace("\"kind\":\"event\"", "\"kind\":\"banana\""))).detail())
                .contains("event.kind");
        assertThat(((Rejected) parse(NESTED.replace("2026-11-26T10:15:00+09:00", "yesterday"))).reason())
                .isEqualTo(RejectReason.INVALID_FIELD);
        assertThat(((Rejected) parse(NESTED.replace("\"win-4625-0001\"", "42"))).detail())
                .isEqualTo("event.id must be a string");
        assertThat(((Rejected) parse(NESTED.replace("win-4625-0001", "x".repeat(129)))).reason())
                .isEqualTo(RejectReason.INVALID_FIELD);
    }

    @Test
    void notJsonNotAnObjectAndTooLargeAreRejected() {
        assertThat(((Rejected) parse("{not json")).reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(((Rejected) parse("[1,2]")).reason()).isEqualTo(RejectReason.NOT_AN_OBJECT);
        assertThat(((Rejected) RawEvents.parse(NESTED.getBytes(StandardCharsets.UTF_8), 100)).reason())
                .isEqualTo(RejectReason.TOO_LARGE);
        assertThat(((Rejected) RawEvents.parse(new byte[0])).reason()).isEqualTo(RejectReason.NOT_JSON);
    }

    @Test
    void theJsonSchemaAndTheValidatorAgree() throws Exception {
        List<String> documents = List.of(NESTED,
                NESTED.replace("\"kind\":\"event\"", "\"kind\":\"banana\""),
                NESTED.replace("2026-11-26T10:15:00+09:00", "yesterday"),
                NESTED.replace("\"observer\":{\"type\":\"windows\"}", "\"observer\":{}"),
                NESTED.replace("\"win-4625-0001\"", "42"));
        for (String json : documents) {
            RawEvents.Parsed parsed = parse(json);
            EcsDocument canonical = EcsDocument.of(Json.mapper().readValue(json, Map.class));
            byte[] canonicalJson = Json.mapper().writeValueAsBytes(canonical.asMap());

            boolean schemaValid = ContractSchemas.validate(Topics.EVENTS_RAW.name(), canonicalJson).isEmpty();

            assertThat(schemaValid).as(json).isEqualTo(parsed instanceof Valid);
        }
    }

    /** A flat copy of a dotted document, to remove one field. */
    private record EcsDocumentFixture(String json) {
        Map<String, Object> without(String field) throws Exception {
            @SuppressWarnings("unchecked")
            Map<String, Object> flat = Json.mapper().readValue(json, Map.class);
            flat.remove(field);
            return flat;
        }
    }
}
