package jp.ishigaki.detection.rules;

import jp.ishigaki.detection.config.RulesConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RuleRegistryTest {

    static final String RULE = """
            title: Operator rule
            id: op-1
            level: medium
            tags: [ishigaki.threat.T2-10]
            logsource: {product: printer}
            detection:
              s: {event.action: paper-jam}
              condition: s
            """;

    static RulesConfig config(Path dir, boolean builtin) {
        return config(dir, builtin, null);
    }

    static RulesConfig config(Path dir, boolean builtin, String apiToken) {
        return new RulesConfig() {
            @Override
            public Optional<String> apiToken() {
                return Optional.ofNullable(apiToken);
            }

            @Override
            public Optional<Path> dir() {
                return Optional.of(dir);
            }

            @Override
            public Duration scanInterval() {
                return Duration.ofMillis(200);
            }

            @Override
            public boolean builtin() {
                return builtin;
            }
        };
    }

    @Test
    void shouldPickUpAddedChangedAndRemovedFilesOnScan(@TempDir Path dir) throws IOException {
        RuleRegistry registry = new RuleRegistry(config(dir, true));
        int builtin = registry.get().size();
        assertThat(registry.scan()).isFalse();

        Files.writeString(dir.resolve("printer.yml"), RULE);
        assertThat(registry.scan()).isTrue();
        assertThat(registry.get().byId("op-1")).isNotNull();
        assertThat(registry.get().size()).isEqualTo(builtin + 1);

        Files.writeString(dir.resolve("printer.yml"), RULE.replace("level: medium", "level: bogus") + "\n# changed\n");
        assertThat(registry.scan()).isTrue();
        assertThat(registry.get().byId("op-1")).isNull();
        assertThat(registry.snapshot().result().rejected()).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("printer.yml:3: unknown level 'bogus'"));

        Files.delete(dir.resolve("printer.yml"));
        assertThat(registry.scan()).isTrue();
        assertThat(registry.snapshot().result().rejected()).isEmpty();
        assertThat(registry.get().size()).isEqualTo(builtin);
    }

    @Test
    void anOperatorFileOverridesABuiltInRule(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("override.yml"), """
                title: UPS on battery (city override)
                id: ups-on-battery
                level: critical
                tags: [ishigaki.threat.T5-01]
                logsource: {product: ups}
                detection:
                  s: {ups.alarm: upsAlarmOnBattery}
                  condition: s
                """);
        RuleRegistry registry = new RuleRegistry(config(dir, true));
        assertThat(registry.get().byId("ups-on-battery").title()).isEqualTo("UPS on battery (city override)");
        assertThat(registry.snapshot().result().rejected()).isEmpty();
    }
}
