package jp.ishigaki.detection.topology;

import jp.ishigaki.detection.sigma.RuleLoader;
import jp.ishigaki.detection.sigma.RuleSet;
import jp.ishigaki.schemas.event.ClassifiedEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nested events are read through the rule set's field selection: a rule added while running reads fields the
 * previous rules never asked for, and the next event is read with them.
 */
class FieldSelectionTopologyTest {

    private static final String EVENT = """
            {"@timestamp":"2026-11-26T01:00:00Z","event":{"id":"%s","kind":"event"},"observer":{"type":"printer"},
             "host":{"name":"pr-1"},"printer":{"job":{"pages":%d,"owner":"tanaka"}},"message":"done"}""";

    private static RuleSet rules(String yaml) {
        RuleLoader.Result loaded = RuleLoader.load(List.of(new RuleLoader.RuleFile("printer.yml", yaml, "test")));
        assertThat(loaded.rejected()).isEmpty();
        return loaded.ruleSet();
    }

    @Test
    void shouldReadTheFieldsOfARuleAddedWhileRunning() {
        AtomicReference<RuleSet> current = new AtomicReference<>(RuleSet.empty());
        try (TopologyHarness h = new TopologyHarness(current::get, TopologyHarness.settings())) {
            h.raw.pipeInput("pr-1", bytes(EVENT.formatted("e-1", 900)));
            assertThat(h.classified.isEmpty()).as("no rule yet").isTrue();

            current.set(rules("""
                    title: Mass printing
                    id: printer-mass-printing
                    level: medium
                    tags: [ishigaki.threat.T1-04]
                    logsource: {product: printer}
                    detection:
                      selection:
                        printer.job.pages|gte: 500
                        printer.job.owner: tanaka
                      condition: selection
                    """));
            h.raw.pipeInput("pr-1", bytes(EVENT.formatted("e-2", 900)));
            h.raw.pipeInput("pr-1", bytes(EVENT.formatted("e-3", 12)));

            List<ClassifiedEvent> classified = h.classified.readValuesToList();
            assertThat(classified).extracting(ClassifiedEvent::eventId).containsExactly("e-2");
            assertThat(classified.get(0).event()).containsKey("printer").containsEntry("message", "done");
            assertThat(h.counters.discarded.get()).isEqualTo(2);
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
