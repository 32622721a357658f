package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real Chromium against the real incident core, Kafka and MariaDB: sign-in, a detection appearing
 * live in the queue, the operator's actions, the auditor's read-only view, escaping of event data, the policy panel.
 */
@QuarkusTest
class ConsoleBrowserTest extends BrowserTest {

    @Test
    void detectionOnKafkaAppearsLiveAndOperatorAcknowledgesAssignsTransitionsAndComments() {
        signIn(TestUsers.create(Role.OPERATOR));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "インシデント一覧"));
        waitForEventStream();
        js("window.__sameDocument = 'yes';");

        String marker = "総当たり攻撃の疑い " + UUID.randomUUID().toString().substring(0, 8);
        publish(detection(marker, "pc-somu-014" + HOSTILE, Severity.HIGH));

        WebElement row = wait.until(d -> rowWith(marker));
        assertThat(js("return window.__sameDocument;")).as("the page was not reloaded").isEqualTo("yes");
        assertThat(row.findElement(By.cssSelector("td.title")).getText()).contains("<script>window.__pwned=1</script>");
        assertThat(row.getText()).contains("未確認", "マイナンバー利用事務系", "T1-01");
        wait.until(d -> rowWith(marker).findElement(By.cssSelector(".countdown")).getText().matches("(残り|超過) .*\\d+:\\d\\d"));
        assertThat(js("return typeof window.__pwned;")).as("no script from event data ran").isEqualTo("undefined");
        assertThat(driver.findElements(By.cssSelector("td.title script, td.title img"))).isEmpty();
        Browser.screenshot(driver, "queue-ja");

        clickIn(marker, "a.number");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-title")));
        assertThat(driver.findElement(By.id("incident-title")).getText()).contains("<script>");
        assertThat(js("return typeof window.__pwned;")).isEqualTo("undefined");

        driver.findElement(By.id("action-acknowledge")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-ack"), "確認済み"));

        driver.findElement(By.id("assignee")).clear();
        driver.findElement(By.id("assignee")).sendKeys("山田 太郎");
        driver.findElement(By.id("action-assign")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-assignee"), "山田 太郎"));

        new Select(driver.findElement(By.id("to"))).selectByValue("TRIAGE");
        driver.findElement(By.id("reason")).sendKeys("端末の通信ログを確認する");
        driver.findElement(By.id("action-transition")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-state"), "トリアージ"));

        driver.findElement(By.id("comment")).sendKeys("LAN ケーブルを抜いて隔離済み <b>not bold</b>");
        driver.findElement(By.id("action-comment")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "隔離済み <b>not bold</b>"));
        assertThat(driver.findElement(By.id("timeline-badge")).getText()).contains("改ざんなし");
        assertThat(driver.findElements(By.id("action-error"))).isEmpty();
        assertThat(js("return typeof window.__pwned;")).isEqualTo("undefined");
        driver.manage().window().setSize(new Dimension(1440, 1800));
        Browser.screenshot(driver, "detail-ja");
    }

    @Test
    void auditorSeesTheIncidentButNoActionAndTheClauseInTheSidePanel() {
        String marker = "マルウェア検知 " + UUID.randomUUID().toString().substring(0, 8);
        publish(detection(marker, "pc-kaikei-002", Severity.MEDIUM));
        signIn(TestUsers.create(Role.AUDITOR));
        wait.until(d -> {
            d.navigate().refresh();
            return rowWith(marker);
        });
        String refText = wait.until(d -> rowWith(marker).findElement(By.cssSelector("a.policy-ref")).getText());
        String refTitle = wait.until(d -> rowWith(marker).findElement(By.cssSelector("a.policy-ref")).getAttribute("title"));
        assertThat(refText).contains("T1-01", "§3(1)");
        assertThat(refTitle).contains("不正アクセス、ウイルス攻撃、サービス不能攻撃");

        clickIn(marker, "a.policy-ref");
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("policy-panel-content")));
        assertThat(panel.getText()).contains("§3(1)", "意図的な要因による情報資産の漏えい", "T1-02");
        Browser.screenshot(driver, "policy-panel-ja");

        clickIn(marker, "a.number");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("read-only")));
        assertThat(driver.findElements(By.cssSelector("#action-acknowledge, #action-assign, #action-transition,"
                + " #action-comment, #action-escalate, #action-merge, form[action*='/tasks/']"))).isEmpty();
    }

    @Test
    void languageSwitchesToEnglishAndStaysSo() {
        signIn(TestUsers.create(Role.MANAGER));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "インシデント一覧"));
        driver.findElement(By.cssSelector("a.lang")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Incident queue"));
        driver.get(base + "console/policy");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Security policy"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void wrongPasswordIsRefusedOnTheLoginPage() {
        TestUsers.Credentials user = TestUsers.create(Role.OPERATOR);
        signIn(new TestUsers.Credentials(user.username(), "not-" + user.password()));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
        assertThat(driver.getCurrentUrl()).contains("/console/login");
    }

    private void signIn(TestUsers.Credentials user) {
        submitSignIn(user);
    }

    /** The SSE extension has opened its EventSource (console.js marks the body when htmx reports it). */
    private void waitForEventStream() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-live='open']")));
    }

    private WebElement rowWith(String text) {
        return driver.findElements(By.cssSelector("tr[data-incident]")).stream()
                .filter(r -> r.getText().contains(text)).findFirst().orElse(null);
    }

    /** Clicks a link in the queue row with that text, retrying while live updates re-render the table. */
    private void clickIn(String rowText, String css) {
        wait.until(d -> {
            rowWith(rowText).findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static void publish(Detection d) {
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.DETECTIONS, d.dedupKey(), d);
    }

    private static Detection detection(String title, String host, Severity severity) {
        Instant now = Instant.now();
        return new Detection("det-" + UUID.randomUUID(), "console-test|" + UUID.randomUUID(), "win-4625-bruteforce",
                title, Detection.RuleKind.correlation, severity, severity, List.of("ルールの基本レベル"),
                Threat.T1_01, List.of(Control.MN_MFA), List.of("attack.t1110"), Segment.MYNUMBER, host, "tanaka",
                "192.0.2.10", null, "10 分間に 25 回のログオン失敗 " + HOSTILE, 25, now.minusSeconds(600), now,
                List.of("evt-1", "evt-2"), List.of(Map.of("message", HOSTILE, "host.name", host)));
    }
}
