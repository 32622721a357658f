package jp.ishigaki.detection.classify;

import jp.ishigaki.detection.TestEvents;
import jp.ishigaki.detection.rules.RuleFiles;
import jp.ishigaki.detection.sigma.RuleFixtures;
import jp.ishigaki.detection.sigma.RuleLoader;
import jp.ishigaki.detection.sigma.RuleSet;
import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Segment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Enrichment happens before matching only where a candidate rule reads it, and always for a matched event. */
class ClassifierTest {

    private static final RuleSet RULES = RuleLoader.load(RuleFiles.builtin()).ruleSet();
    private static final Classifier CLASSIFIER = new Classifier(SeverityPolicy.defaults());
    private static final AssetIndex INVENTORY = new AssetIndex(List.of(new Asset("ups-1", "サーバ室 UPS",
            List.of("ups-srv-room-1"), List.of(), Segment.FACILITY, "情報政策課", "渡辺 直樹", "2", "2", "3",
            Instant.parse("2026-11-01T00:00:00Z"))));

    private static NormalisedEvent event(String rule, boolean match) {
        RuleFixtures.Fixture fixture = RuleFixtures.all().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
        return NormalisedEvent.of(TestEvents.document(match ? fixture.match() : fixture.nearMiss()));
    }

    @Test
    void onlyTheProductsWhoseRulesReadTheEnrichmentAreEnrichedBeforeMatching() {
        assertThat(RULES.candidates(Map.of("observer.type", "windows")).readsEnrichment()).as("a Windows rule reads ishigaki.segment").isTrue();
        assertThat(RULES.candidates(Map.of("observer.type", "ups")).readsEnrichment()).isFalse();
        assertThat(RULES.candidates(Map.of()).readsEnrichment()).isFalse();
    }

    @Test
    void aMatchedEventIsEnrichedAfterMatchingAndADiscardedOneIsNot() {
        NormalisedEvent onBattery = event("ups-on-battery", true);
        Classification matched = CLASSIFIER.classify(onBattery, INVENTORY, RULES);
        assertThat(matched).isInstanceOfSatisfying(Classification.Matched.class, m -> {
            assertThat(m.event().segment()).isEqualTo(Segment.FACILITY);
            assertThat(m.event().asset().id()).isEqualTo("ups-1");
            assertThat(m.enrichment().segmentSource()).isEqualTo("asset ups-1");
        });
        assertThat(onBattery.flat()).containsEntry("ishigaki.segment", "facility").containsEntry("ishigaki.asset.id", "ups-1");

        NormalisedEvent normal = event("ups-on-battery", false);
        assertThat(CLASSIFIER.classify(normal, INVENTORY, RULES)).isInstanceOf(Classification.Discarded.class);
        assertThat(normal.flat()).doesNotContainKeys("ishigaki.segment", "ishigaki.asset.id");
    }

    @Test
    void aRuleOnTheEnrichedSegmentStillMatches() {
        String rule = RULES.rules().stream().filter(r -> r.fields().contains("ishigaki.segment")).findFirst()
                .orElseThrow().id();
        NormalisedEvent usb = event(rule, true);
        assertThat(CLASSIFIER.classify(usb, AssetIndex.EMPTY, RULES)).isInstanceOfSatisfying(Classification.Matched.class,
                m -> assertThat(m.rules()).anyMatch(r -> r.id().equals(rule)));
    }
}
