package jp.ishigaki.detection.sigma;

import jp.ishigaki.detection.TestEvents;
import jp.ishigaki.detection.classify.AssetIndex;
import jp.ishigaki.detection.classify.Classification;
import jp.ishigaki.detection.classify.Classifier;
import jp.ishigaki.detection.classify.NormalisedEvent;
import jp.ishigaki.detection.classify.SeverityPolicy;
import jp.ishigaki.detection.rules.RuleFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every built-in rule matches its realistic event and not its near miss (run through the whole classifier). */
class RuleFixturesTest {

    private static final RuleSet RULES = RuleLoader.load(RuleFiles.builtin()).ruleSet();
    private static final Classifier CLASSIFIER = new Classifier(SeverityPolicy.defaults());

    static List<RuleFixtures.Fixture> fixtures() {
        return RuleFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void ruleShouldMatchItsEventAndNotItsNearMiss(RuleFixtures.Fixture fixture) {
        assertThat(hits(fixture.match())).as("rule %s on its matching event", fixture.rule()).contains(fixture.rule());
        assertThat(hits(fixture.nearMiss())).as("rule %s on its near miss", fixture.rule()).doesNotContain(fixture.rule());
    }

    private static List<String> hits(Map<String, Object> fields) {
        NormalisedEvent event = NormalisedEvent.of(TestEvents.document(fields));
        Classification classification = CLASSIFIER.classify(event, AssetIndex.EMPTY, RULES);
        if (classification instanceof Classification.Matched matched) {
            return matched.rules().stream().map(SigmaRule::id).toList();
        }
        Classification.Discarded discarded = (Classification.Discarded) classification;
        return discarded.ruleId() == null ? List.of() : List.of(discarded.ruleId());
    }
}
