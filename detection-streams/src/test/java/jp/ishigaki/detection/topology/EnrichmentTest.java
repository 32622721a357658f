package jp.ishigaki.detection.topology;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.event.ClassifiedEvent;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnrichmentTest {

    private static final Instant AT = Instant.parse("2026-11-26T00:00:00Z");
    private static final Asset JUKI = new Asset("A-0042", "住民記録システム 端末", List.of("mn-term-042.city.local"),
            List.of("10.10.4.0/24"), Segment.MYNUMBER, "市民課", "山田 太郎", "3A", "2", "2", AT);
    private static final Asset LGWAN_LAN = new Asset("A-0100", "LGWAN 接続系 端末群", List.of(), List.of("10.40.0.0/16"),
            Segment.LGWAN, "情報政策課", "佐藤 花子", "2", "1", "1", AT);
    private static final Asset LGWAN_HOST = new Asset("A-0101", "LGWAN 財務端末", List.of(), List.of("10.40.1.0/24"),
            Segment.LGWAN, "財政課", "鈴木 一郎", "2", "1", "1", AT);
    private static final Asset SERVER_ROOM = new Asset("A-0900", "本庁舎 3F サーバ室 UPS", List.of("ups-srv-room-1"),
            List.of(), Segment.FACILITY, "情報政策課", "佐藤 花子", "2", "1", "1", AT);

    private static final Map<String, Object> LOCKOUT = Map.of("observer.type", "windows", "event.code", "4740",
            "user.name", "kobayashi");

    @Test
    void shouldEnrichByHostNameAndRaiseSeverityForMyNumberAndClassifiedAsset() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            h.assets.pipeInput(JUKI.id(), JUKI);
            h.send(with(LOCKOUT, "host.name", "MN-TERM-042"));

            ClassifiedEvent event = h.classified.readValue();
            assertThat(event.asset()).isEqualTo(JUKI);
            assertThat(event.segment()).isEqualTo(Segment.MYNUMBER);
            // low → high (segment mynumber) → critical (3A asset, one step up)
            assertThat(event.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(event.severityReasons()).hasSize(2);
            assertThat(event.severityReasons().get(0)).contains("segment mynumber");
            assertThat(event.severityReasons().get(1)).contains("A-0042").contains("one step up");
            Detection detection = h.detections.readValue();
            assertThat(detection.asset().department()).isEqualTo("市民課");
            assertThat(detection.asset().manager()).isEqualTo("山田 太郎");
            assertThat(detection.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(detection.ruleLevel()).isEqualTo(Severity.LOW);
        }
    }

    @Test
    void shouldEnrichByIpWithinTheMostSpecificCidr() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            h.assets.pipeInput(LGWAN_LAN.id(), LGWAN_LAN);
            h.assets.pipeInput(LGWAN_HOST.id(), LGWAN_HOST);
            h.send(with(LOCKOUT, "host.ip", List.of("fe80::1", "10.40.1.77")));
            h.send(with(LOCKOUT, "source.ip", "10.40.200.3"));
            h.send(with(LOCKOUT, "source.ip", "10.41.0.1"));

            List<ClassifiedEvent> events = h.classified.readValuesToList();
            assertThat(events.get(0).asset().id()).isEqualTo("A-0101");
            assertThat(events.get(1).asset().id()).isEqualTo("A-0100");
            assertThat(events.get(1).segment()).isEqualTo(Segment.LGWAN);
            assertThat(events.get(2).asset()).isNull();
            assertThat(events.get(2).segment()).isEqualTo(Segment.UNKNOWN);
        }
    }

    @Test
    void anAttackFromOutsideIsPlacedAtTheCitysServerItTargets() {
        Asset web = new Asset("IN-WEB-01", "公式ウェブサイト", List.of("www.city.example.jp"), List.of("203.0.113.0/28"),
                Segment.INTERNET, "情報政策課", "渡辺 直樹", "1", "2", "2", AT);
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            h.assets.pipeInput(web.id(), web);
            h.assets.pipeInput(LGWAN_LAN.id(), LGWAN_LAN);
            h.send(Map.of("observer.type", "security-cloud", "event.dataset", "seccloud.ids", "event.severity", 4,
                    "rule.name", "ET EXPLOIT FortiOS SSL VPN Path Traversal", "source.ip", "192.0.2.7",
                    "destination.ip", "203.0.113.10", "event.action", "alert"));
            h.send(Map.of("observer.type", "security-cloud", "event.dataset", "seccloud.ids", "event.severity", 4,
                    "rule.name", "ET EXPLOIT lateral", "source.ip", "10.40.9.9", "destination.ip", "203.0.113.10",
                    "event.action", "alert"));

            List<ClassifiedEvent> events = h.classified.readValuesToList();
            assertThat(events.get(0).asset().id()).as("the outside source is unknown: the target").isEqualTo("IN-WEB-01");
            assertThat(events.get(0).segment()).isEqualTo(Segment.INTERNET);
            assertThat(events.get(1).asset().id()).as("an inventoried source comes first").isEqualTo("A-0100");
        }
    }

    @Test
    void eventsOwnSegmentAndFirewallZonesWinOverTheInventory() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            h.assets.pipeInput(JUKI.id(), JUKI);
            h.send(with(LOCKOUT, "host.name", "mn-term-042", "labels.segment", "LGWAN"));
            h.send(Map.of("observer.type", "firewall", "observer.ingress.zone", "internet", "observer.egress.zone",
                    "mynumber", "event.action", "allow", "source.ip", "10.10.4.17"));

            List<ClassifiedEvent> events = h.classified.readValuesToList();
            assertThat(events.get(0).segment()).isEqualTo(Segment.LGWAN);
            assertThat(events.get(0).asset().id()).isEqualTo("A-0042");
            assertThat(events.get(1).segment()).isEqualTo(Segment.MYNUMBER);
            assertThat(events.get(1).ruleIds()).contains("fw-mynumber-cross-segment-allowed");
        }
    }

    @Test
    void assetChangesAndTombstonesApplyToTheNextEvent() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            h.send(with(LOCKOUT, "host.name", "mn-term-042"));
            h.assets.pipeInput(JUKI.id(), JUKI);
            h.send(with(LOCKOUT, "host.name", "mn-term-042"));
            h.assets.pipeInput(JUKI.id(), (Asset) null);
            h.send(with(LOCKOUT, "host.name", "mn-term-042"));

            List<ClassifiedEvent> events = h.classified.readValuesToList();
            assertThat(events).extracting(e -> e.asset() == null ? null : e.asset().id())
                    .containsExactly(null, "A-0042", null);
        }
    }

    @Test
    void disasterThreatOnAServerRoomAssetIsCritical() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            h.assets.pipeInput(SERVER_ROOM.id(), SERVER_ROOM);
            // The UPS reports on itself: no host.name, found by observer.name.
            h.send(Map.of("observer.type", "ups", "observer.name", "ups-srv-room-1",
                    "ups.id", "UPS-01", "ups.alarm", "upsAlarmOnBattery"));

            Detection detection = h.detections.readValue();
            assertThat(detection.asset()).isEqualTo(SERVER_ROOM);
            assertThat(detection.ruleLevel()).isEqualTo(Severity.HIGH);
            assertThat(detection.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(detection.severityReasons()).anyMatch(r -> r.contains("server room"));
        }
    }

    @Test
    void malformedAssetRecordIsIgnoredWithoutStoppingTheApplication() {
        try (TopologyHarness h = new TopologyHarness(() -> TopologyHarness.BUILTIN, TopologyHarness.settings())) {
            h.driver.createInputTopic(jp.ishigaki.schemas.topic.Topics.ASSETS.name(),
                    new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.StringSerializer()).pipeInput("A-1", "{broken");
            h.send(with(LOCKOUT, "host.name", "mn-term-042"));
            assertThat(h.classified.readValue().asset()).isNull();
        }
    }

    static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }
}
