package jp.ishigaki.console;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.incident.IncidentEvent;
import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The console in a real Chromium: sign-in, the live queue, escaping of event data, the policy side panel. */
@QuarkusTest
class ConsoleBrowserTest {

    private static final String HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

    @TestHTTPResource("/")
    URL base;

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void incidentPublishedOnKafkaAppearsInTheQueueWithoutReloadAndItsMarkupStaysText() {
        signIn(TestUsers.create(Role.OPERATOR));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "インシデント一覧"));
        waitForEventStream();
        js("window.__sameDocument = 'yes';");

        String number = "INC-2026-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String id = UUID.randomUUID().toString();
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.INCIDENT_EVENTS, id,
                event(id, number, 1, IncidentEvent.Type.OPENED, false, null, "不審な通信 " + HOSTILE));

        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-incident='" + id + "']")));
        assertThat(js("return window.__sameDocument;")).as("the page was not reloaded").isEqualTo("yes");
        assertThat(row.findElement(By.cssSelector("td.title")).getText()).contains("<script>window.__pwned=1</script>");
        assertThat(row.getText()).contains(number, "緊急", "未確認", "マイナンバー利用事務系");
        assertThat(js("return typeof window.__pwned;")).as("no script from event data ran").isEqualTo("undefined");
        assertThat(driver.findElements(By.cssSelector("td.title script, td.title img"))).isEmpty();
        Browser.screenshot(driver, "queue-ja");

        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.INCIDENT_EVENTS, id,
                event(id, number, 2, IncidentEvent.Type.ACKNOWLEDGED, true, "operator-on-duty", "不審な通信 " + HOSTILE));
        wait.until(d -> d.findElement(By.cssSelector("tr[data-incident='" + id + "']")).getText().contains("確認済み"));
        assertThat(js("return window.__sameDocument;")).isEqualTo("yes");

        driver.findElement(By.linkText(number)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-title")));
        assertThat(driver.findElement(By.id("incident-title")).getText()).contains("<script>");
        assertThat(driver.findElement(By.id("incident-assignee")).getText()).isEqualTo("operator-on-duty");
        assertThat(js("return typeof window.__pwned;")).isEqualTo("undefined");
        Browser.screenshot(driver, "detail-ja");
    }

    @Test
    void threatCodeShowsItsPolicyClauseOnHoverAndInTheSidePanel() {
        String id = UUID.randomUUID().toString();
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.INCIDENT_EVENTS, id,
                event(id, "INC-2026-900001", 1, IncidentEvent.Type.OPENED, false, null, "マルウェア検知"));
        signIn(TestUsers.create(Role.AUDITOR));
        WebElement ref = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-incident='" + id + "'] a.policy-ref")));
        assertThat(ref.getText()).contains("T1-02", "§3(1)");
        assertThat(ref.getAttribute("title")).contains("不正アクセス、ウイルス攻撃、サービス不能攻撃");

        ref.click();
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("policy-panel-content")));
        assertThat(panel.getText()).contains("§3(1)", "意図的な要因による情報資産の漏えい", "T1-02");
        Browser.screenshot(driver, "policy-panel-ja");
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
        driver.get(base + "console/incidents");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        driver.findElement(By.id("j_username")).sendKeys(user.username());
        driver.findElement(By.id("j_password")).sendKeys(user.password());
        driver.findElement(By.id("login-submit")).click();
    }

    /** The SSE extension has opened its EventSource (console.js marks the body when htmx reports it). */
    private void waitForEventStream() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-live='open']")));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static IncidentEvent event(String id, String number, long seq, IncidentEvent.Type type, boolean ack,
                                       String assignee, String title) {
        return new IncidentEvent(UUID.randomUUID().toString(), id, number, seq, type, IncidentState.DETECTED,
                Severity.CRITICAL, Threat.T1_02, Segment.MYNUMBER, title, ack, assignee, 0, "system",
                "host <b>pc-001</b>", Instant.now().minusSeconds(90));
    }
}
