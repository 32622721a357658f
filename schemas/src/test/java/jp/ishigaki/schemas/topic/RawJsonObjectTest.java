package jp.ishigaki.schemas.topic;

import com.fasterxml.jackson.databind.JsonNode;
import jp.ishigaki.schemas.event.ClassifiedEvent;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawJsonObjectTest {

    private static final String EVENT = """
            {"@timestamp":"2026-11-26T01:02:03Z","event":{"id":"e-1","code":"4625"},\
            "message":"<script>alert(1)</script> 日本語","n":1.50}""";

    private static RawJsonObject raw() {
        return RawJsonObject.of(EVENT.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldBeWrittenVerbatimInsideAContractRecord() throws Exception {
        ClassifiedEvent classified = new ClassifiedEvent("e-1", Instant.parse("2026-11-26T01:02:03Z"), "pc-1",
                Threat.T1_01, List.of(), Segment.LGWAN, Severity.HIGH, List.of(), List.of("r-1"), null, raw());

        byte[] bytes = Topics.EVENTS_CLASSIFIED.valueSerde().serializer().serialize("t", classified);

        String json = new String(bytes, StandardCharsets.UTF_8);
        assertThat(json).contains("\"event\":" + EVENT);
        JsonNode tree = Json.mapper().readTree(bytes);
        assertThat(tree.at("/event/event/code").asText()).isEqualTo("4625");
        assertThat(tree.at("/ruleIds/0").asText()).isEqualTo("r-1");
        assertThat(Topics.EVENTS_CLASSIFIED.valueSerde().deserializer().deserialize("t", bytes).event())
                .isEqualTo(raw());
    }

    @Test
    void shouldBeWrittenVerbatimAsAListElementAndThroughACharacterWriter() throws Exception {
        String json = Json.mapper().writeValueAsString(Map.of("samples", List.of(raw(), raw())));

        assertThat(json).isEqualTo("{\"samples\":[" + EVENT + "," + EVENT + "]}");
    }

    @Test
    void shouldReadAsTheMapItHolds() {
        RawJsonObject raw = raw();

        assertThat(raw.get("message")).isEqualTo("<script>alert(1)</script> 日本語");
        assertThat(raw).containsKey("event").hasSize(4);
        assertThat(raw.get("event")).isEqualTo(Map.of("id", "e-1", "code", "4625"));
        assertThatThrownBy(() -> raw.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldRefuseBytesThatAreNoObject() {
        assertThatThrownBy(() -> RawJsonObject.of("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RawJsonObject.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
