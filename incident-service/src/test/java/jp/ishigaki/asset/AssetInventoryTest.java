package jp.ishigaki.asset;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class AssetInventoryTest {

    final String run = UUID.randomUUID().toString().substring(0, 6);

    private static RequestSpecification as(TestUsers.Credentials c) {
        return given().auth().preemptive().basic(c.username(), c.password());
    }

    private static Map<String, Object> asset(String id, String host) {
        return Map.of("id", id, "name", "住民記録システム", "hosts", List.of(host), "cidrs", List.of("10.10.1.0/24"),
                "segment", "mynumber", "department", "市民課", "manager", "市民課長",
                "confidentiality", "3A", "integrity", "2", "availability", "2");
    }

    @Test
    void shouldPublishCreatedAssetsAndATombstoneOnDelete() {
        TestUsers.Credentials admin = TestUsers.create(Role.ADMIN);
        String id = "A-" + run;
        as(admin).contentType("application/json").body(asset(id, "JUKI-DB01")).when().post("/api/assets")
                .then().statusCode(201).body("hosts", contains("juki-db01")).body("segment", equalTo("mynumber"));

        List<ConsumerRecord<String, Asset>> created = KafkaRecords.await(KafkaTestResource.bootstrapServers(),
                Topics.ASSETS, r -> id.equals(r.key()) && r.value() != null, Duration.ofSeconds(20));
        assertThat(created).isNotEmpty();
        Asset published = created.get(0).value();
        assertThat(published.segment()).isEqualTo(Segment.MYNUMBER);
        assertThat(published.confidentiality()).isEqualTo("3A");
        assertThat(published.cidrs()).containsExactly("10.10.1.0/24");
        assertThat(published.isHighlyClassified()).isTrue();

        as(admin).when().delete("/api/assets/" + id).then().statusCode(204);
        List<ConsumerRecord<String, Asset>> tombstone = KafkaRecords.await(KafkaTestResource.bootstrapServers(),
                Topics.ASSETS, r -> id.equals(r.key()) && r.value() == null, Duration.ofSeconds(20));
        assertThat(tombstone).isNotEmpty();
        as(admin).when().get("/api/assets/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldImportTheGoodRowsOfACsvAndReportTheBadOne() {
        TestUsers.Credentials manager = TestUsers.create(Role.MANAGER);
        String csv = "\uFEFF資産ID,名称,ホスト名,IPアドレス範囲,セグメント,所管課,管理者,機密性,完全性,可用性\r\n"
                + "C1-" + run + ",税務システム,zei-ap01;zei-db01,10.20.0.0/16,マイナンバー利用事務系,税務課,税務課長,3A,2,2\r\n"
                + "C2-" + run + ",庁内メール,mail01,,lgwan,総務課,\"情報政策課長, 兼務\",2,1,2\r\n"
                + "C3-" + run + ",壊れた行,web01,10.0.0.0/33,internet,広報課,広報課長,4,1,1\r\n"
                + "C4-" + run + ",公式サイト,www.city.example.jp,203.0.113.10,internet,広報課,広報課長,1,2,1\r\n";
        as(manager).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).when().post("/api/assets/import")
                .then().statusCode(200)
                .body("rows", equalTo(4)).body("created", equalTo(3)).body("rejectedRows", equalTo(1))
                .body("errors.row", contains(4, 4))
                .body("errors.column", contains("cidrs", "confidentiality"));

        as(manager).when().get("/api/assets/C2-" + run).then().statusCode(200)
                .body("manager", equalTo("情報政策課長, 兼務")).body("segment", equalTo("lgwan"));
        as(manager).when().get("/api/assets/C4-" + run).then().statusCode(200)
                .body("cidrs", contains("203.0.113.10/32"));
        as(manager).when().get("/api/assets/C3-" + run).then().statusCode(404);
        as(manager).when().get("/api/assets?q=zei-db01").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", hasItem("C1-" + run));

        assertThat(KafkaRecords.await(KafkaTestResource.bootstrapServers(), Topics.ASSETS,
                r -> ("C4-" + run).equals(r.key()) && r.value() != null, Duration.ofSeconds(20))).isNotEmpty();
    }

    @Test
    void shouldRefuseACsvWithoutTheRequiredColumns() {
        TestUsers.Credentials admin = TestUsers.create(Role.ADMIN);
        as(admin).contentType("text/csv").body("id,name\nX,Y\n").when().post("/api/assets/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.problem", hasItem(org.hamcrest.Matchers.containsString("segment")));
    }

    @Test
    void shouldSearchAndPageTheInventory() {
        TestUsers.Credentials admin = TestUsers.create(Role.ADMIN);
        for (int i = 0; i < 3; i++) {
            as(admin).contentType("application/json").body(Map.of("id", "P" + i + "-" + run, "name", "端末" + run + "-" + i,
                    "segment", "lgwan", "department", "dept-" + run, "confidentiality", "2", "integrity", "1",
                    "availability", "1")).when().post("/api/assets").then().statusCode(201);
        }
        as(admin).when().get("/api/assets?department=dept-" + run + "&size=2&page=1&sort=-name").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", contains("P0-" + run));
        as(admin).when().get("/api/assets?sort=colour").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRejectAnInvalidAssetWithEveryProblemNamed() {
        TestUsers.Credentials admin = TestUsers.create(Role.ADMIN);
        as(admin).contentType("application/json").body(Map.of("id", "bad id!", "segment", "moon",
                        "confidentiality", "3D")).when().post("/api/assets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("id")).body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("segment")).body("errors.field", hasItem("confidentiality"))
                .body("errors.field", hasItem("integrity"));
    }
}
