package jp.ishigaki.detection.bench;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's asset inventory: the ids, hosts, ranges, segments and confidentiality of the sample inventory
 * the launcher loads (incident-service's {@code sample/assets.csv}, which detection-streams cannot read: keep the two
 * alike), so that the topology enriches the generated events as it would in a city.
 */
final class Inventory {

    private static final Instant AT = Instant.parse("2026-11-26T00:00:00Z");

    static final List<Asset> SAMPLE = List.of(
            asset("MN-JUKI-01", "住民記録システム", List.of("juki-ap01", "juki-db01"), List.of("10.10.1.0/24"), Segment.MYNUMBER, "3A"),
            asset("MN-TERM-01", "マイナンバー利用事務系端末", List.of("mn-term-041", "mn-term-042", "mn-term-043"),
                    List.of("10.10.4.0/24"), Segment.MYNUMBER, "3A"),
            asset("MN-ZEI-01", "税務システム", List.of("zei-ap01", "zei-db01"), List.of("10.10.2.0/24"), Segment.MYNUMBER, "3A"),
            asset("LG-MAIL-01", "庁内メール", List.of("lg-mail01"), List.of("10.20.1.0/24"), Segment.LGWAN, "2"),
            asset("LG-PC-01", "LGWAN端末群", List.of("lg-pc-0101", "lg-pc-0102", "lg-pc-0215", "lg-pc-0412", "lg-pc-0413"),
                    List.of("10.20.32.0/20"), Segment.LGWAN, "2"),
            asset("IN-PC-01", "インターネット接続系端末群", List.of(), List.of("10.30.2.0/24"), Segment.INTERNET, "2"),
            asset("IN-WEB-01", "公式ウェブサイト", List.of("www.city.example.jp"), List.of("203.0.113.0/28"), Segment.INTERNET, "1"),
            asset("FC-UPS-01", "庁舎サーバ室UPS", List.of("ups-srv01", "ups-srv-room-1"), List.of("10.30.0.10"), Segment.FACILITY, "1"),
            asset("NW-CORE-01", "基幹ネットワーク機器", List.of("core-sw-02", "core-rt-01"), List.of(), Segment.LGWAN, "2"));

    private Inventory() {
    }

    private static Asset asset(String id, String name, List<String> hosts, List<String> cidrs, Segment segment,
            String confidentiality) {
        return new Asset(id, name + "（サンプル）", hosts, cidrs, segment, "情報政策課", "渡辺 直樹", confidentiality, "2", "2", AT);
    }

    static void load(String bootstrap) {
        try (KafkaProducer<String, Asset> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), Topics.ASSETS.keySerde().serializer(), Topics.ASSETS.valueSerde().serializer())) {
            for (Asset asset : SAMPLE) {
                producer.send(new ProducerRecord<>(Topics.ASSETS.name(), asset.id(), asset));
            }
            producer.flush();
        }
    }
}
