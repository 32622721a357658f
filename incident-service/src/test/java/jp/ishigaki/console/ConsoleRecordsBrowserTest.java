package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.platform.testing.KafkaRecords;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The asset inventory, contacts and rejected-events pages in a real Chromium: a CSV import with one bad row shows
 * that row's error; marking a manager unavailable puts the deputy in the recipient preview; a malformed dead letter is
 * listed as text, fixed in the page and replayed onto security.events.raw under its key.
 */
@QuarkusTest
class ConsoleRecordsBrowserTest extends BrowserTest {

    @Test
    void csvImportWithOneBadRowShowsThatRowsErrorAndKeepsTheGoodOne() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Path csv = Files.createTempFile("assets-", ".csv");
        Files.writeString(csv, "id,name,hosts,cidrs,segment,department,manager,confidentiality,integrity,availability\n"
                + "BR-" + tag + "-1,住民票発行端末,jumin-01,10.10.9.0/24,mynumber,市民課,高橋 健一,3A,2,2\n"
                + "BR-" + tag + "-2,壊れた行,,,lgwan,総務課,,3A,5,1\n"
                + "BR-" + tag + "-3,公開Webサーバ,www-01,,internet,広報課,,1,1,2\n", StandardCharsets.UTF_8);
        signIn(TestUsers.create(Role.MANAGER));
        driver.get(base + "console/assets");
        driver.findElement(By.id("asset-file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.id("asset-import-submit")).click();

        WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors")));
        List<WebElement> rows = errors.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).findElements(By.tagName("td")).get(0).getText()).isEqualTo("3");
        assertThat(rows.get(0).findElements(By.tagName("td")).get(1).getText()).isEqualTo("integrity");
        assertThat(driver.findElement(By.id("import-report")).getText()).contains("新規: 2", "不採用: 1");

        driver.get(base + "console/assets?q=BR-" + tag);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-asset='BR-" + tag + "-1']")));
        assertThat(driver.findElements(By.cssSelector("tr[data-asset^='BR-" + tag + "']"))).hasSize(2);
        assertThat(driver.findElement(By.cssSelector("tr[data-asset='BR-" + tag + "-1'] .cls-c3A")).getText())
                .isEqualTo("3A");
        // the report again, for the screenshot of the page with the import result
        driver.get(base + "console/assets");
        driver.findElement(By.id("asset-file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.id("asset-import-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors")));
        Browser.screenshot(driver, "assets-ja");
        Files.deleteIfExists(csv);
    }

    @Test
    void markingAManagerUnavailablePutsTheDeputyInThePreview() {
        ConsoleContactsTest.Team team = ConsoleContactsTest.Team.create("防災 花子", "代理 一郎", "代理 二郎");
        signIn(TestUsers.create(Role.OPERATOR));
        driver.get(base + team.preview().substring(1));
        assertThat(recipients()).contains("防災 花子").doesNotContain("代理 一郎");

        WebElement row = driver.findElement(By.cssSelector("tr[data-person='" + team.manager() + "']"));
        row.findElement(By.cssSelector("details.mark summary")).click();
        row.findElement(By.name("reason")).sendKeys("研修");
        row.findElement(By.cssSelector("form.mark-unavailable button")).click();

        wait.until(d -> recipients().contains("代理 一郎"));
        assertThat(recipients()).contains("防災 花子", "研修").doesNotContain("代理 二郎");
        assertThat(driver.findElement(By.cssSelector("tr[data-person='" + team.manager() + "']")).getText())
                .contains("不在", "研修");
        assertThat(driver.findElement(By.id("escalation-policy")).getText()).contains("参照のみ");
        Browser.screenshot(driver, "contacts-ja");
    }

    @Test
    void malformedRecordIsShownAsTextFixedAndReplayedUnderItsKey() {
        String key = "fw-" + UUID.randomUUID();
        KafkaRecords.send(KafkaTestResource.bootstrapServers(), Topics.EVENTS_DLQ, key,
                ConsoleRejectedTest.deadLetter(key, "{\"message\": \"" + HOSTILE.replace("\"", "'") + "\", host: fw-01"));
        signIn(TestUsers.create(Role.OPERATOR));
        driver.get(base + "console/rejected");
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("tr[data-dlq]")).stream()
                .filter(r -> r.getText().contains(key)).findFirst().orElse(null));
        assertThat(row.getText()).contains("NOT_JSON", "security.events.raw / 3 / 4711");
        row.findElement(By.cssSelector("details.raw summary")).click();
        assertThat(row.findElement(By.cssSelector("pre.original-value")).getText()).contains("<script>window.__pwned=1");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__pwned === undefined")).isEqualTo(true);

        String fixed = "{\"message\": \"fixed by the operator\", \"host\": \"fw-01\", \"id\": \"" + key + "\"}";
        row.findElement(By.cssSelector("details.replay summary")).click();
        WebElement value = row.findElement(By.cssSelector("textarea[name='value']"));
        value.clear();
        value.sendKeys(fixed);
        Browser.screenshot(driver, "rejected-ja");
        row.findElement(By.cssSelector("form.replay-form button")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("replayed")));
        List<ConsumerRecord<String, byte[]>> replayed = KafkaRecords.await(KafkaTestResource.bootstrapServers(),
                Topics.EVENTS_RAW, r -> key.equals(r.key()), Duration.ofSeconds(20));
        assertThat(replayed).hasSize(1);
        assertThat(new String(replayed.get(0).value(), StandardCharsets.UTF_8)).isEqualTo(fixed);
    }

    private String recipients() {
        return driver.findElement(By.id("recipients")).getText();
    }

    private void signIn(TestUsers.Credentials user) {
        submitSignIn(user);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    }
}
