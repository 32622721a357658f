package jp.ishigaki.detection.sigma;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigmaParserTest {

    private static final String GOOD = """
            title: UPS on battery
            id: good-1
            level: high
            tags: [ishigaki.threat.T5-01]
            logsource: {product: ups}
            detection:
              selection: {ups.alarm: upsAlarmOnBattery}
              condition: selection
            """;

    @Test
    void shouldNameFileLineAndProblemForAnUnknownModifier() {
        String text = """
                title: bad modifier
                id: bad-1
                level: high
                tags: [ishigaki.threat.T1-01]
                detection:
                  selection:
                    event.code|containz: '4625'
                  condition: selection
                """;
        assertThatThrownBy(() -> SigmaParser.parse("dir/bad.yml", text))
                .isInstanceOfSatisfying(RuleException.class, e -> {
                    assertThat(e.file()).isEqualTo("dir/bad.yml");
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.problem()).contains("unsupported modifier 'containz'");
                    assertThat(e.getMessage()).startsWith("dir/bad.yml:7: ");
                });
    }

    @Test
    void shouldNameTheLineOfAYamlSyntaxError() {
        String text = "title: broken\nid: x\ndetection:\n  selection: {a: [1, 2}\n  condition: selection\n";
        assertThatThrownBy(() -> SigmaParser.parse("broken.yml", text))
                .isInstanceOfSatisfying(RuleException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.problem()).startsWith("invalid YAML");
                });
    }

    @Test
    void shouldRejectAConditionNamingAnUnknownSelection() {
        String text = GOOD.replace("condition: selection", "condition: selection and not filter");
        assertThatThrownBy(() -> SigmaParser.parse("f.yml", text))
                .isInstanceOfSatisfying(RuleException.class, e -> {
                    assertThat(e.line()).isEqualTo(8);
                    assertThat(e.problem()).contains("unknown selection 'filter'");
                });
    }

    @Test
    void shouldRejectAnUnknownThreatCodeAndAMissingThreat() {
        assertThatThrownBy(() -> SigmaParser.parse("f.yml", GOOD.replace("T5-01", "T9-99")))
                .hasMessageContaining("f.yml:4").hasMessageContaining("unknown threat code 'T9-99'");
        assertThatThrownBy(() -> SigmaParser.parse("f.yml", GOOD.replace("ishigaki.threat.T5-01", "attack.t1110")))
                .hasMessageContaining("no ishigaki.threat");
    }

    @Test
    void shouldRejectABadTimespanInACorrelation() {
        String text = """
                title: c
                id: c-1
                level: high
                correlation:
                  type: event_count
                  rules: [good-1]
                  group-by: [host.name]
                  timespan: five minutes
                  condition: {gte: 3}
                """;
        assertThatThrownBy(() -> SigmaParser.parse("c.yml", text)).hasMessageStartingWith("c.yml:8: timespan");
    }

    @Test
    void loaderShouldKeepGoodFilesWhenOneIsMalformed() {
        RuleLoader.Result result = RuleLoader.load(List.of(
                new RuleLoader.RuleFile("a.yml", GOOD, "directory"),
                new RuleLoader.RuleFile("b.yml", GOOD.replace("good-1", "bad-2").replace("level: high", "level: severe"), "directory"),
                new RuleLoader.RuleFile("c.yml", """
                        title: c
                        id: c-1
                        level: high
                        correlation: {type: event_count, rules: [nowhere], timespan: 5m, condition: {gte: 2}}
                        """, "directory")));
        assertThat(result.ruleSet().rules()).extracting(SigmaRule::id).containsExactly("good-1");
        assertThat(result.rejected()).extracting(RuleLoader.Rejection::file).containsExactlyInAnyOrder("b.yml", "c.yml");
        assertThat(result.rejected()).extracting(RuleLoader.Rejection::message)
                .anyMatch(m -> m.startsWith("b.yml:3: unknown level 'severe'"))
                .anyMatch(m -> m.contains("references unknown rule 'nowhere'"));
    }

    @Test
    void directoryRuleShouldOverrideBuiltInRuleWithTheSameId() {
        RuleLoader.Result result = RuleLoader.load(List.of(
                new RuleLoader.RuleFile("builtin:x.yml", GOOD, "builtin"),
                new RuleLoader.RuleFile("/etc/rules/x.yml", GOOD.replace("level: high", "level: low"), "directory")));
        assertThat(result.rejected()).isEmpty();
        assertThat(result.ruleSet().rules()).singleElement()
                .satisfies(rule -> assertThat(rule.level().code()).isEqualTo("low"));
    }

    @Test
    void sameIdTwiceInTheSameOriginShouldRejectTheSecondFile() {
        RuleLoader.Result result = RuleLoader.load(List.of(
                new RuleLoader.RuleFile("one.yml", GOOD, "directory"),
                new RuleLoader.RuleFile("two.yml", GOOD, "directory")));
        assertThat(result.rejected()).singleElement()
                .satisfies(r -> assertThat(r.message()).startsWith("two.yml:1: rule id 'good-1' is already defined in one.yml:1"));
    }
}
