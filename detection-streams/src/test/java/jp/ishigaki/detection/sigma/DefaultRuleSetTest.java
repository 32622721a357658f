package jp.ishigaki.detection.sigma;

import jp.ishigaki.detection.rules.RuleFiles;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Threat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultRuleSetTest {

    private static final RuleLoader.Result LOADED = RuleLoader.load(RuleFiles.builtin());

    @Test
    void shouldLoadEveryBuiltInFileWithoutRejection() {
        assertThat(LOADED.rejected()).isEmpty();
        assertThat(LOADED.ruleSet().rules()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(LOADED.ruleSet().correlations()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void shouldCoverEveryThreatCode() {
        Set<Threat> covered = EnumSet.noneOf(Threat.class);
        LOADED.ruleSet().rules().forEach(r -> {
            if (r.tags().threat() != null) {
                covered.add(r.tags().threat());
            }
        });
        assertThat(covered).containsExactlyInAnyOrder(Threat.values());
    }

    @Test
    void shouldCoverEveryControl() {
        Set<Control> covered = EnumSet.noneOf(Control.class);
        LOADED.ruleSet().rules().forEach(r -> covered.addAll(r.tags().controls()));
        assertThat(covered).containsExactlyInAnyOrder(Control.values());
    }

    @Test
    void shouldListEveryRuleFileInTheIndex() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/rules"))) {
            Set<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
                    .collect(Collectors.toSet());
            assertThat(RuleFixtures.indexedFiles()).containsExactlyInAnyOrderElementsOf(onDisk);
        }
    }

    @Test
    void shouldHaveAFixtureForEverySingleRule() {
        List<String> fixtures = RuleFixtures.all().stream().map(RuleFixtures.Fixture::rule).toList();
        List<String> rules = LOADED.ruleSet().rules().stream().map(SigmaRule::id).toList();
        assertThat(fixtures).containsExactlyInAnyOrderElementsOf(rules);
    }

    @Test
    void shouldKeepAttackTagsBesideThePolicyMapping() {
        Rule rule = LOADED.ruleSet().byId("win-audit-log-cleared");
        assertThat(rule.tags().attackTags()).contains("attack.defense_evasion", "attack.t1070.001");
        assertThat(rule.tags().threat()).isEqualTo(Threat.T2_07);
    }
}
