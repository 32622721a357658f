package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Fixtures;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6 in a real Chromium: the detail page's evidence (controls with their clauses, severity reasons, affected
 * assets with their classification, detections with escaped sample events), and the contacts page where an admin
 * edits the escalation policy that new incidents then follow, while the auditor sees no form.
 */
@QuarkusTest
class ConsoleEvidenceBrowserTest extends BrowserTest {

    @Test
    void detailShowsControlsReasonsAssetClassificationAndSampleEventsAsText() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String host = "pc-kokuho-" + tag;
        String assetId = "A-EV-" + tag;
        Api.as(Role.ADMIN).body(Map.of("id", assetId, "name", "国民健康保険システム端末 " + tag, "hosts", List.of(host),
                        "segment", "mynumber", "department", "保険年金課", "manager", "保険年金課長",
                        "confidentiality", "3A", "integrity", "2", "availability", "1"))
                .post("/api/assets").then().statusCode(201);
        String title = "特定個人情報の一括出力 " + tag;
        Map<String, Object> hostile = new LinkedHashMap<>();
        hostile.put("@timestamp", "2026-11-26T09:00:00+09:00");
        hostile.put("event.id", "evt-" + tag);
        hostile.put("host.name", host);
        hostile.put("message", "export " + HOSTILE);
        Instant now = Instant.now();
        Detection d = new Detection("det-" + UUID.randomUUID(), "evidence-browser|" + tag, "mn-bulk-export", title,
                Detection.RuleKind.single, Severity.MEDIUM, Severity.HIGH,
                List.of("ルールの基本レベル: 中", "マイナンバー利用事務系: 高以上"), Threat.T1_05,
                List.of(Control.MN_NO_EXPORT, Control.MN_ISOLATION), List.of("attack.t1005"), Segment.MYNUMBER, host,
                "suzuki", "10.1.2.3", null, "一括出力 12 件", 12, now.minusSeconds(300), now, List.of("evt-" + tag),
                List.of(hostile, Map.of("event.id", "evt-2-" + tag, "event.code", "EXPORT")));
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.DETECTIONS, d.dedupKey(), d);
        String number = await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath found = Api.as(Role.OPERATOR).queryParam("q", tag).get("/api/incidents").then().statusCode(200)
                    .extract().jsonPath();
            return found.getInt("total") == 1 ? found.getString("items[0].number") : null;
        }, n -> n != null);

        submitSignIn(TestUsers.create(Role.OPERATOR));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "インシデント一覧"));
        driver.get(base + "console/incidents/" + number);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-controls")));

        List<WebElement> controls = driver.findElements(By.cssSelector("#incident-controls a.policy-ref"));
        assertThat(controls).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).contains("MN-NO-EXPORT", "§6(3)①"))
                .anySatisfy(t -> assertThat(t).contains("MN-ISOLATION"));
        assertThat(controls.get(0).getAttribute("href")).contains("/console/policy#");
        assertThat(driver.findElement(By.id("severity-reasons")).getText())
                .contains("ルールの基本レベル: 中", "マイナンバー利用事務系: 高以上");

        WebElement asset = driver.findElement(By.cssSelector("#affected-assets tr[data-asset='" + assetId + "']"));
        assertThat(asset.getText()).contains("国民健康保険システム端末", "保険年金課", host, "3A", "2", "1");
        assertThat(asset.getAttribute("class")).contains("classified");

        WebElement detection = driver.findElement(By.cssSelector("#detections tbody[data-detection='" + d.id() + "']"));
        assertThat(detection.findElement(By.cssSelector("td.count")).getText()).isEqualTo("12");
        assertThat(detection.getText()).contains("mn-bulk-export", "suzuki");
        List<WebElement> samples = detection.findElements(By.cssSelector("details.sample"));
        assertThat(samples).hasSize(2);
        WebElement pre = samples.get(0).findElement(By.tagName("pre"));
        assertThat(pre.isDisplayed()).as("samples are collapsed at first").isFalse();
        samples.get(0).findElement(By.tagName("summary")).click();
        wait.until(ExpectedConditions.visibilityOf(pre));
        assertThat(pre.getText()).contains("\"message\" : \"export <script>window.__pwned=1</script>",
                "onerror", "\"host.name\" : \"" + host + "\"");
        assertThat(driver.findElements(By.cssSelector("#detections script, #detections img"))).isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return typeof window.__pwned;"))
                .as("no script from the event ran").isEqualTo("undefined");

        driver.manage().window().setSize(new Dimension(1440, 2000));
        Browser.screenshot(driver, "detail-evidence-ja");
    }

    @Test
    void adminEditsTheEscalationPolicyInTheConsoleAndNewIncidentsFollowIt() {
        JsonPath before = Api.as(Role.ADMIN).get("/api/escalation-policy").then().statusCode(200).extract().jsonPath();
        Map<String, Object> high = before.getMap("find { it.severity == 'high' }");
        try {
            submitSignIn(TestUsers.create(Role.ADMIN));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "インシデント一覧"));
            driver.get(base + "console/contacts");
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#escalation-policy tr[data-severity='high']")));
            WebElement minutes = row.findElement(By.name("minutes"));
            assertThat(minutes.getAttribute("value")).isEqualTo("30");
            minutes.clear();
            minutes.sendKeys("20");
            WebElement manager = row.findElement(By.cssSelector("input[name='notify'][value='manager']"));
            if (!manager.isSelected()) {
                manager.click();
            }
            row.findElement(By.cssSelector("form#policy-high button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("policy-saved")));
            assertThat(driver.findElement(By.id("policy-saved")).getText()).contains("重大度「高」の方針を保存しました");
            assertThat(driver.findElement(By.cssSelector("#escalation-policy tr[data-severity='high'] input[name='minutes']"))
                    .getAttribute("value")).isEqualTo("20");

            JsonPath after = Api.as(Role.AUDITOR).get("/api/escalation-policy").then().extract().jsonPath();
            assertThat(after.getString("find { it.severity == 'high' }.escalateAfter")).isEqualTo("PT20M");
            assertThat(after.getList("find { it.severity == 'high' }.notifyAtOnce", String.class))
                    .containsExactlyInAnyOrder("manager", "operator");

            String id = Fixtures.report("high", "T2-05", "lgwan");
            JsonPath incident = Api.as(Role.OPERATOR).get("/api/incidents/" + id).then().statusCode(200)
                    .extract().jsonPath();
            Duration clock = Duration.between(Instant.parse(incident.getString("openedAt")),
                    Instant.parse(incident.getString("escalationClock.dueAt")));
            assertThat(clock).as("the new incident escalates after the 20 minutes set in the console")
                    .isBetween(Duration.ofMinutes(20).minusSeconds(5), Duration.ofMinutes(20).plusSeconds(5));
        } finally {
            Api.as(Role.ADMIN).body(high).put("/api/escalation-policy/high").then().statusCode(200);
        }
    }

    @Test
    void auditorSeesTheContactsPageWithoutAnyEditForm() {
        submitSignIn(TestUsers.create(Role.AUDITOR));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "インシデント一覧"));
        driver.get(base + "console/contacts");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("escalation-policy")));
        assertThat(driver.findElement(By.id("escalation-policy")).getText()).contains("参照のみ", "緊急");
        assertThat(driver.findElements(By.cssSelector("form[action*='/console/contacts/escalation/'],"
                + " form[action*='/console/contacts/departments/'], #department-new, input[name='minutes']")))
                .isEmpty();
    }
}
