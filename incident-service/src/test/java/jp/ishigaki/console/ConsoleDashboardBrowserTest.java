package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.ishigaki.console.i18n.ConsoleLanguage;
import jp.ishigaki.metrics.pipeline.PipelineSampler;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.schemas.event.DeadLetter;
import jp.ishigaki.schemas.event.RejectReason;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Topic;
import jp.ishigaki.schemas.topic.Topics;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Detections;
import jp.ishigaki.testing.Fixtures;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard and the report in a real Chromium: charts of open incidents, incidents over time and the pipeline,
 * pipeline figures that refresh while the page is open, and the report's obligations table on screen and in print.
 */
@QuarkusTest
class ConsoleDashboardBrowserTest extends BrowserTest {

    @Inject
    PipelineSampler sampler;

    @Test
    void dashboardChartsIncidentsAndShowsPipelineRatesThatRefreshLive() throws Exception {
        String dedup = "dashboard-browser|" + UUID.randomUUID();
        produce(Topics.DETECTIONS, 1, i -> Detections.of(dedup, Severity.CRITICAL, Threat.T1_01, Segment.MYNUMBER));
        // a few samples with uneven traffic between them, so that the rate chart has a shape
        sampler.sample();
        for (int round = 0; round < 8; round++) {
            int n = 40 + (round * 37) % 90;
            produce(Topics.EVENTS_RAW, n, i -> ("{\"event\":{\"id\":\"dash-" + i + "\"}}")
                    .getBytes(StandardCharsets.UTF_8));
            if (round % 3 == 1) {
                produce(Topics.EVENTS_DLQ, 2, i -> new DeadLetter(RejectReason.MISSING_FIELD, "event.kind is required",
                        Topics.EVENTS_RAW.name(), 0, i, Instant.now(), "dash-" + i, "{}", null));
            }
            Thread.sleep(400);
            sampler.sample();
        }

        submitSignIn(TestUsers.create(Role.SUPERVISOR));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "インシデント一覧"));
        wait.until(d -> {
            d.get(base + "console/dashboard?days=1");
            return d.findElement(By.id("open-table")).getText().matches("(?s).*緊急 [1-9].*");
        });
        wait.until(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-drawn", "6"));
        assertThat(driver.findElements(By.cssSelector("#dashboard .chart svg"))).hasSize(6);
        assertThat(driver.findElement(By.id("flow-h")).getText()).contains("インシデントの受付・終結の推移", "1時間ごと");
        assertThat(driver.findElement(By.cssSelector("#periods a.current")).getText()).isEqualTo("1 日");
        assertThat(Long.parseLong(driver.findElement(By.id("flow-opened")).getAttribute("textContent").trim()))
                .isPositive();

        // the window holds the samples of the last minute (on a busy machine not all eight rounds)
        assertThat(endOffset("security.events.raw")).isGreaterThanOrEqualTo(636);
        assertThat(endOffset("security.events.dlq")).isGreaterThanOrEqualTo(6);
        assertThat(figure("events")).isPositive();
        assertThat(Double.parseDouble(cell("eventsPerSecond"))).isPositive();
        assertThat(driver.findElement(By.id("dead-letter-rate")).getText()).matches("\\d+\\.\\d\\d %");
        assertThat(driver.findElement(By.id("pipeline-table")).getText())
                .contains("取込イベント", "検知", "取込拒否率（取込拒否 / 取込イベント）", "security.events.raw");

        // more records while the page is open: the figures follow without a reload
        driver.manage().window().setSize(new Dimension(1440, 2000));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.__sameDocument = 'yes';");
        long before = endOffset("security.events.raw");
        produce(Topics.EVENTS_RAW, 300, i -> ("{\"event\":{\"id\":\"dash2-" + i + "\"}}").getBytes(StandardCharsets.UTF_8));
        sampler.sample();
        wait.until(d -> endOffset("security.events.raw") >= before + 300);
        assertThat(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.__sameDocument;"))
                .isEqualTo("yes");
        assertThat(driver.findElement(By.id("dashboard")).getAttribute("data-pipeline-error")).isNull();
        Browser.screenshot(driver, "dashboard-ja");
    }

    @Test
    void reportShowsTheObligationsTableOnScreenAndInPrint() {
        String id = Fixtures.report("medium", "T2-05", "lgwan");
        Api.as(Role.OPERATOR).body(Map.of("personalData", Map.of("leakSuspected", true, "sensitiveData", true,
                        "financialHarm", false, "unlawfulPurpose", false, "personsAffected", 3,
                        "specificPersonalInfo", false)))
                .post("/api/incidents/" + id + "/assessment").then().statusCode(200);
        Api.as(Role.SUPERVISOR).body(Map.of("note", "PPC へ送信")).post("/api/incidents/" + id
                + "/tasks/report-ppc-preliminary/complete").then().statusCode(200);
        LocalDate today = LocalDate.now(ConsoleLanguage.TOKYO);

        submitSignIn(TestUsers.create(Role.AUDITOR));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "インシデント一覧"));
        driver.get(base + "console/report?from=" + today.minusDays(400) + "&to=" + today.plusDays(800));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("obligations")));
        List<String> kinds = driver.findElements(By.cssSelector("#obligations tbody th")).stream()
                .map(e -> e.getText()).toList();
        assertThat(kinds).containsExactly("個人情報保護委員会 速報", "個人情報保護委員会 確報", "警察（サイバー犯罪相談窓口）",
                "香川県・総務省への情報共有", "業務継続計画（BCP）発動の判断");
        String ppc = driver.findElement(By.cssSelector("tr[data-obligation='report-ppc-preliminary']")).getText();
        assertThat(Integer.parseInt(cellOf("report-ppc-preliminary", "on-time"))).isPositive();
        assertThat(Integer.parseInt(cellOf("report-ppc-final", "open"))).isPositive();
        assertThat(ppc).startsWith("個人情報保護委員会 速報");
        driver.manage().window().setSize(new Dimension(1440, 1800));
        Browser.screenshot(driver, "report-ja");

        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(driver.findElement(By.id("obligations")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("form.filters")).isDisplayed()).isFalse();
    }

    private String cellOf(String code, String column) {
        return driver.findElement(By.cssSelector("tr[data-obligation='" + code + "'] td[data-col='" + column + "']"))
                .getText().replaceAll("^(\\d+).*", "$1");
    }

    private long endOffset(String topic) {
        String v = driver.findElement(By.cssSelector("#pipeline-table td[data-offset='" + topic + "']")).getText()
                .trim();
        return v.matches("\\d+") ? Long.parseLong(v) : -1;
    }

    private String cell(String key) {
        return driver.findElement(By.cssSelector("#pipeline-table td[data-pipe='" + key + "']")).getText().trim();
    }

    private long figure(String key) {
        String v = cell(key);
        return v.matches("\\d+") ? Long.parseLong(v) : -1;
    }

    private static <V> void produce(Topic<String, V> topic, int n, IntFunction<V> value) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topic.name(), "dash-" + i, value.apply(i)));
            }
            producer.flush();
        }
    }
}
