package jp.ishigaki.detection.topology;

import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationTest {

    private static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");
    private int seq;

    private Map<String, Object> win(String code, String user, String sourceIp, String host, String logonType, Instant at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("@timestamp", at.toString());
        e.put("event.id", "w-" + (++seq));
        e.put("observer.type", "windows");
        e.put("winlog.channel", "Security");
        e.put("event.code", code);
        e.put("user.name", user);
        e.put("source.ip", sourceIp);
        e.put("host.name", host);
        e.put("winlog.event_data.LogonType", logonType);
        return e;
    }

    private Map<String, Object> failed(String user, String ip, Instant at) {
        return win("4625", user, ip, "lg-pc-0412", "3", at);
    }

    @Test
    void tenFailedLogonsForOneAccountWithinFiveMinutesIsOneBruteForceDetection() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            for (int i = 0; i < 9; i++) {
                h.send(failed("tanaka", "10.20.1.15", T0.plusSeconds(i * 20L)));
            }
            assertThat(h.detections.isEmpty()).as("9 failures, single 4625 hits make no detection").isTrue();
            h.send(failed("tanaka", "10.20.1.15", T0.plusSeconds(200)));
            Detection d = h.detections.readValue();
            assertThat(d.ruleId()).isEqualTo("corr-win-brute-force");
            assertThat(d.ruleKind()).isEqualTo(Detection.RuleKind.correlation);
            assertThat(d.dedupKey()).isEqualTo("corr-win-brute-force|user.name=tanaka");
            assertThat(d.count()).isEqualTo(10);
            assertThat(d.threat()).isEqualTo(Threat.T1_01);
            assertThat(d.firstSeen()).isEqualTo(T0);
            assertThat(d.eventIds()).hasSize(10);
            assertThat(h.counters.classified.get()).isEqualTo(10);

            for (int i = 0; i < 50; i++) {
                h.send(failed("tanaka", "10.20.1.15", T0.plusSeconds(201 + i)));
            }
            h.advance(Duration.ofSeconds(30));
            List<Detection> updates = h.detections.readValuesToList();
            assertThat(updates).extracting(Detection::id).containsOnly(d.id());
            assertThat(updates.get(updates.size() - 1).count()).isEqualTo(60);
        }
    }

    @Test
    void failuresSpreadBeyondTheTimespanDoNotCorrelate() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            for (int i = 0; i < 12; i++) {
                h.send(failed("suzuki", "10.20.1.16", T0.plusSeconds(i * 40L)));
            }
            assertThat(h.detections.readValuesToList()).extracting(Detection::ruleId).doesNotContain("corr-win-brute-force");
        }
    }

    @Test
    void oneSourceFailingOnTenAccountsIsAPasswordSpray() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            for (int i = 0; i < 10; i++) {
                h.send(failed("user" + i, "10.20.9.9", T0.plusSeconds(i)));
            }
            assertThat(h.detections.readValuesToList()).singleElement().satisfies(d -> {
                assertThat(d.ruleId()).isEqualTo("corr-win-password-spray");
                assertThat(d.dedupKey()).isEqualTo("corr-win-password-spray|source.ip=10.20.9.9");
                assertThat(d.summary()).contains("10 distinct user.name");
                assertThat(d.severity()).isEqualTo(Severity.HIGH);
            });
        }
    }

    @Test
    void oneSourceLoggingOnToTwentyHostsIsLateralMovement() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            for (int i = 0; i < 19; i++) {
                h.send(win("4624", "svc-x", "10.20.7.7", "host-" + i, "3", T0.plusSeconds(i)));
            }
            h.send(win("4624", "svc-x", "10.20.7.7", "host-3", "3", T0.plusSeconds(30)));
            assertThat(h.detections.isEmpty()).as("19 distinct hosts").isTrue();
            h.send(win("4624", "svc-x", "10.20.7.7", "host-19", "3", T0.plusSeconds(31)));
            assertThat(h.detections.readValuesToList()).extracting(Detection::ruleId).containsExactly("corr-lateral-movement");
        }
    }

    @Test
    void bruteForceFollowedBySuccessIsCritical() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            for (int i = 0; i < 10; i++) {
                h.send(failed("ito", "10.20.1.30", T0.plusSeconds(i)));
            }
            h.send(win("4624", "ito", "10.20.1.30", "lg-pc-0412", "10", T0.plusSeconds(60)));
            List<Detection> published = h.detections.readValuesToList();
            assertThat(published).extracting(Detection::ruleId)
                    .containsExactly("corr-win-brute-force", "corr-brute-force-then-success");
            Detection success = published.get(1);
            assertThat(success.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(success.dedupKey()).isEqualTo("corr-brute-force-then-success|user.name=ito");
        }
    }

    @Test
    void successBeforeTheBruteForceIsNotTheOrderedSequence() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            h.send(win("4624", "mori", "10.20.1.31", "lg-pc-0412", "10", T0));
            for (int i = 0; i < 10; i++) {
                h.send(failed("mori", "10.20.1.31", T0.plusSeconds(1 + i)));
            }
            assertThat(h.detections.readValuesToList()).extracting(Detection::ruleId).containsExactly("corr-win-brute-force");
        }
    }

    @Test
    void correlationWithGenerateTrueKeepsTheSingleDetectionsAndAddsItsOwn() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            for (int i = 0; i < 5; i++) {
                h.send(Map.of("@timestamp", T0.plusSeconds(i).toString(), "event.id", "mfa-" + i,
                        "observer.type", "mynumber-terminal", "event.dataset", "mynumber.auth", "labels.segment", "mynumber",
                        "host.name", "mn-term-042", "user.name", "kobayashi", "mynumber.result", "失敗", "mynumber.factor", "ic-card"));
            }
            List<Detection> published = h.detections.readValuesToList();
            assertThat(published).extracting(Detection::ruleId).contains("mn-auth-failure", "corr-mn-mfa-failures");
            Detection corr = published.stream().filter(d -> d.ruleId().equals("corr-mn-mfa-failures")).findFirst().orElseThrow();
            assertThat(corr.controls()).containsExactly(Control.MN_MFA);
            assertThat(corr.severity()).isEqualTo(Severity.HIGH);
        }
    }
}
