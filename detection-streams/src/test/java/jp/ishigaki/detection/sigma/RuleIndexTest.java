package jp.ishigaki.detection.sigma;

import jp.ishigaki.detection.TestEvents;
import jp.ishigaki.detection.classify.NormalisedEvent;
import jp.ishigaki.detection.rules.RuleFiles;
import jp.ishigaki.detection.simulate.EventGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RuleIndexTest {

    private static final RuleSet RULES = RuleLoader.load(RuleFiles.builtin()).ruleSet();

    /** What the set must return: every indexable rule that matches, in load order, without any index. */
    private static List<SigmaRule> unindexed(Map<String, Object> event) {
        return RULES.rules().stream()
                .filter(r -> r.tags().threat() != null || r.tags().discard())
                .filter(r -> r.matches(event)).toList();
    }

    @Test
    void indexedMatchingFindsExactlyWhatTestingEveryRuleFinds() {
        EventGenerator generator = new EventGenerator(11, EventGenerator.Mix.REALISTIC, 0.05);
        int matched = 0;
        for (int i = 0; i < 20_000; i++) {
            Map<String, Object> flat = NormalisedEvent.of(TestEvents.document(generator.next(Instant.now()))).flat();
            List<SigmaRule> expected = unindexed(flat);
            assertThat(RULES.match(flat)).isEqualTo(expected);
            matched += expected.isEmpty() ? 0 : 1;
        }
        assertThat(matched).isGreaterThan(1_000);
    }

    @Test
    void mostBuiltInRulesAreKeyedOnEventCodeOrAction() {
        long keyed = RULES.rules().stream().filter(r -> {
            Map<String, ?> required = r.detection().requiredValues();
            return required.containsKey("event.code") || required.containsKey("event.action");
        }).count();
        assertThat(keyed).isGreaterThan(RULES.rules().size() / 2);
    }

    @Test
    void equalityIsCaseInsensitiveAndNumbersMatchTheirText() {
        SigmaRule rule = RULES.rules().stream()
                .filter(r -> r.detection().requiredValues().containsKey("event.code")).findFirst().orElseThrow();
        String code = rule.detection().requiredValues().get("event.code").iterator().next();
        EventMatch byCode = new FieldTest("event.code", List.of(ValueMatcher.equalsIgnoreCase(code.toUpperCase())),
                false, false, null);
        assertThat(byCode.requiredValues()).isEqualTo(Map.of("event.code", java.util.Set.of(code)));
        assertThat(ConditionParser.anyOf(List.of(byCode, new FieldTest("event.code",
                List.of(ValueMatcher.equalsIgnoreCase("x")), false, false, null))).requiredValues())
                .isEqualTo(Map.of("event.code", java.util.Set.of(code, "x")));
        assertThat(ConditionParser.anyOf(List.of(byCode, EventMatch.ALWAYS)).requiredValues()).isEmpty();
        EventMatch negated = new FieldTest("event.code", List.of(ValueMatcher.contains("46")), false, false, null);
        assertThat(negated.requiredValues()).isEmpty();
    }
}
