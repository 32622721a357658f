package jp.ishigaki.detection.topology;

import jp.ishigaki.detection.sigma.RuleFixtures;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.event.ClassifiedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in rule through the whole topology (TopologyTestDriver, one per rule): its matching event is
 * classified with the rule and, unless a correlation consumes the rule, becomes a detection of it; its near miss
 * is not attributed to the rule.
 */
class RulePerTopologyTest {

    static List<RuleFixtures.Fixture> fixtures() {
        return RuleFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void ruleShouldClassifyAndDetectThroughTheTopology(RuleFixtures.Fixture fixture) {
        String rule = fixture.rule();
        boolean discard = TopologyHarness.BUILTIN.byId(rule).tags().discard();
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            h.send(fixture.match());
            if (discard) {
                assertThat(h.counters.byReason.get("discard_rule")).as("discarded by %s", rule).isNotNull();
                assertThat(h.classified.isEmpty()).isTrue();
            } else {
                List<ClassifiedEvent> classified = h.classified.readValuesToList();
                assertThat(classified).singleElement().satisfies(e -> assertThat(e.ruleIds()).contains(rule));
                List<String> detected = h.detections.readValuesToList().stream().map(Detection::ruleId).toList();
                if (TopologyHarness.BUILTIN.generatesDetections(rule)) {
                    assertThat(detected).contains(rule);
                } else {
                    assertThat(detected).doesNotContain(rule);
                }
            }

            h.send(fixture.nearMiss());
            List<String> nearRules = h.classified.readValuesToList().stream().flatMap(e -> e.ruleIds().stream()).toList();
            assertThat(nearRules).doesNotContain(rule);
            assertThat(h.detections.readValuesToList()).extracting(Detection::ruleId).doesNotContain(rule);
            assertThat(h.counters.received.get())
                    .isEqualTo(h.counters.classified.get() + h.counters.discarded.get() + h.counters.deadLettered.get());
        }
    }
}
