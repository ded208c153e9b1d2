package dev.ringproof.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driving the console, with a profile of its own. The driver and
 * the browser are the system's, named explicitly, so Selenium Manager never downloads one.
 *
 * <p>Starting Chromium and its driver costs about a second on 2 cores, and the suite opens a browser
 * dozens of times a pass. So a closed browser is not quit but reset and kept for the next test
 * ({@link Chromium}): a new tab in place of every old one, and no cookies (no console session),
 * cache or stored data of the origins it opened. A reset that fails quits the browser instead.
 */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;
    private final Chromium chromium;
    private final WebDriverWait wait;

    Browser() {
        chromium = Chromium.take();
        driver = chromium.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Where {@link #open} goes: the suite's server unless {@link #on} names another. */
    private java.net.URI base = Http.BASE;

    /** This browser opens the console of another server (a second Payara domain) from now on. */
    Browser on(java.net.URI otherBase) {
        base = otherBase;
        return this;
    }

    Browser open(String path) {
        driver.get(base.resolve("admin/" + path).toString());
        return this;
    }

    Browser signIn(String user, String password) {
        open("login.xhtml");
        type(By.id("username"), user);
        type(By.id("password"), password);
        driver.findElement(By.id("sign-in")).click();
        await(By.id("signed-in-as"));
        return this;
    }

    WebElement await(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Waits until {@code condition} answers (not null, not false) within 20 seconds. An element
     * that an Ajax update replaced while the condition read it is no answer yet, whichever way the
     * driver reports it: as Selenium's stale element, or as Chromium 156's bare error "Node with
     * given id does not belong to the document", which ended a wait that ignored only the former.
     */
    <T> T until(Function<WebDriver, T> condition) {
        return until(wait, condition);
    }

    /** {@link #until(Function)} within {@code timeout}; a wait that runs out says {@code whatWasSeen}. */
    <T> T until(Duration timeout, Supplier<String> whatWasSeen, Function<WebDriver, T> condition) {
        return until(new WebDriverWait(driver, timeout).withMessage(whatWasSeen), condition);
    }

    private static <T> T until(FluentWait<WebDriver> wait, Function<WebDriver, T> condition) {
        return wait.until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (replacedWhileRead(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    static boolean replacedWhileRead(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** Waits for {@code text} in the element; a wait that runs out says what page the browser shows instead. */
    void awaitText(By locator, String text) {
        try {
            until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        } catch (org.openqa.selenium.TimeoutException e) {
            String body = driver.findElements(By.tagName("body")).stream()
                    .map(org.openqa.selenium.WebElement::getText)
                    .findFirst()
                    .orElse("(no body)");
            throw new AssertionError(
                    "waited for \"" + text + "\" in " + locator + " on " + driver.getCurrentUrl() + " ("
                            + driver.getTitle() + "), which shows:\n"
                            + body.substring(0, Math.min(body.length(), 2000)),
                    e);
        }
    }

    /** Waits until an ajax update has left exactly {@code count} elements matching {@code locator}. */
    void awaitCount(By locator, int count) {
        until(d -> d.findElements(locator).size() == count);
    }

    void type(By locator, String text) {
        var input = await(locator);
        input.clear();
        input.sendKeys(text);
    }

    String sessionId() {
        Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    /** Saves what the browser shows to docs/screenshots/{name}.png, for the docs. */
    void screenshot(String name) {
        var directory = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        chromium.putBack(new java.util.HashSet<>(java.util.List.of(Http.BASE, base)));
    }
}
