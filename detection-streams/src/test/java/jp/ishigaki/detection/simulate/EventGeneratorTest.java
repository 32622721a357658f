package jp.ishigaki.detection.simulate;

import jp.ishigaki.detection.classify.AssetIndex;
import jp.ishigaki.detection.classify.Classification;
import jp.ishigaki.detection.classify.Classifier;
import jp.ishigaki.detection.classify.NormalisedEvent;
import jp.ishigaki.detection.classify.SeverityPolicy;
import jp.ishigaki.detection.topology.TopologyHarness;
import jp.ishigaki.schemas.event.RawEvents;
import jp.ishigaki.schemas.policy.ThreatGroup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventGeneratorTest {

    @Test
    void generatedEventsAreValidAndEveryThreatGroupIsClassifiedWhileBackgroundTrafficIsNot() {
        EventGenerator generator = new EventGenerator(42, EventGenerator.Mix.REALISTIC, 0.02);
        Classifier classifier = new Classifier(SeverityPolicy.defaults());
        Set<ThreatGroup> classifiedGroups = EnumSet.noneOf(ThreatGroup.class);
        int noiseMatched = 0;
        int noise = 0;
        for (int i = 0; i < 20_000; i++) {
            Map<String, Object> event = generator.next(Instant.parse("2026-11-26T01:00:00Z").plusSeconds(i));
            RawEvents.Parsed parsed = RawEvents.parse(jp.ishigaki.detection.TestEvents.json(event));
            assertThat(parsed).isInstanceOf(RawEvents.Valid.class);
            Classification c = classifier.classify(NormalisedEvent.of(((RawEvents.Valid) parsed).document()),
                    AssetIndex.EMPTY, TopologyHarness.BUILTIN);
            ThreatGroup group = EventGenerator.groupOf(event);
            if (group == null) {
                noise++;
                noiseMatched += c instanceof Classification.Matched ? 1 : 0;
            } else if (c instanceof Classification.Matched m) {
                classifiedGroups.add(m.event().threat().group());
            }
        }
        assertThat(classifiedGroups).containsExactlyInAnyOrder(ThreatGroup.values());
        assertThat(noise).isGreaterThan(10_000);
        assertThat(noiseMatched).isZero();
    }

    @Test
    void backgroundTrafficComesFromTheWholeCityHallSoEventsKeyedByHostSpreadEvenlyOverPartitions() {
        EventGenerator generator = new EventGenerator(5, EventGenerator.Mix.REALISTIC, 0.002);
        Set<Object> backgroundHosts = new java.util.HashSet<>();
        long[] partitions = new long[6];
        int keyed = 0;
        for (int i = 0; i < 60_000; i++) {
            Map<String, Object> event = generator.next(Instant.parse("2026-11-26T01:00:00Z").plusMillis(i));
            Object host = event.get("host.name");
            if (host == null) {
                continue;
            }
            keyed++;
            if (EventGenerator.groupOf(event) == null) {
                backgroundHosts.add(host);
            }
            // Kafka's default partitioner for a keyed record
            byte[] key = host.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            partitions[org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(key))
                    % partitions.length]++;
        }
        assertThat(backgroundHosts).hasSizeGreaterThan(EventGenerator.CITY_LG_PCS * 9 / 10);
        assertThat(keyed).isGreaterThan(20_000);
        // The threat groups' events still come from the few named hosts, so the spread is not even (here 3,095 to 5,600
        // of 25,254 keyed events in a partition); with 11 hosts in all it was 96 to 242 per thousand in session 8's load.
        for (long count : partitions) {
            assertThat(count).isBetween(keyed / 6 * 70 / 100L, keyed / 6 * 140 / 100L);
        }
    }

    @Test
    void eventIdsAreUniqueAndBurstsHappen() {
        EventGenerator generator = new EventGenerator(7, EventGenerator.Mix.parse("noise=0,t1=1,t2=0,t3=0,t4=0,t5=0"), 0.5);
        Set<Object> ids = new java.util.HashSet<>();
        int failedLogons = 0;
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> event = generator.next(Instant.now());
            assertThat(ids.add(event.get("event.id"))).isTrue();
            if ("4625".equals(event.get("event.code")) && "10.20.9.99".equals(event.get("source.ip"))) {
                failedLogons++;
            }
        }
        assertThat(failedLogons).as("brute-force bursts").isGreaterThan(50);
    }

    @Test
    void mixAndOptionsAreParsedStrictly() {
        assertThat(EventGenerator.Mix.parse("noise=1,t3=5")).isEqualTo(new EventGenerator.Mix(1, 14, 9, 5, 1, 4));
        assertThatThrownBy(() -> EventGenerator.Mix.parse("t9=1")).hasMessageContaining("--mix");
        assertThat(Options.parse(new String[] {"--rate", "5", "--count=10"}, Map.of("rate", "2", "count", "0")))
                .containsEntry("rate", "5").containsEntry("count", "10");
        assertThatThrownBy(() -> Options.parse(new String[] {"--bogus", "1"}, Map.of("rate", "2")))
                .hasMessageContaining("unknown option --bogus");
    }
}
