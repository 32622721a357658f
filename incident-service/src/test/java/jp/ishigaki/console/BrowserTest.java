package jp.ishigaki.console;

import io.quarkus.test.common.http.TestHTTPResource;
import jp.ishigaki.user.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

/** What every console browser test shares: a fresh Chromium per test, a screenshot at the end, the sign-in form. */
abstract class BrowserTest {

    /** Markup that must stay text wherever event data is shown; a script that ran would set window.__pwned. */
    static final String HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

    WebDriver driver;
    WebDriverWait wait;

    /** The application's base URL, injected into each browser test. */
    @TestHTTPResource("/")
    URL base;

    URL base() {
        return base;
    }

    @BeforeEach
    void openBrowser() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class).ignoring(NullPointerException.class);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (driver != null) {
            Browser.screenshot(driver, "last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            driver.quit();
        }
    }

    /** Fills in and submits the sign-in form (the caller waits for what success or failure looks like). */
    void submitSignIn(TestUsers.Credentials user) {
        driver.get(base() + "console/incidents");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        driver.findElement(By.id("j_username")).sendKeys(user.username());
        driver.findElement(By.id("j_password")).sendKeys(user.password());
        driver.findElement(By.id("login-submit")).click();
    }
}
