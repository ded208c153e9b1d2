package dev.ringproof.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium and its driver, started once and lent to one {@link Browser} at a time.
 * The ones no test holds wait, reset, for the next; the JVM's end quits them.
 */
record Chromium(ChromeDriver driver, Path profile) {

    private static final String DRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    private static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final ConcurrentLinkedDeque<Chromium> IDLE = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IDLE.forEach(Chromium::quit)));
    }

    /** A reset idle browser, or a new one when none is idle (two tests may each hold one). */
    static Chromium take() {
        var idle = IDLE.pollFirst();
        return idle != null ? idle : start();
    }

    private static Chromium start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("ringproof-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions()
                .setBinary(BINARY)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1280,860",
                        "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(DRIVER))
                .build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    /**
     * Resets this browser as a new one would be, as far as a test can tell, and keeps it for the
     * next test; quits it if the reset fails. {@code origins}: where the test went, whose stored
     * data goes too (cookies and cache go for every origin).
     */
    void putBack(Set<URI> origins) {
        try {
            reset(origins);
        } catch (WebDriverException e) {
            quit();
            return;
        }
        IDLE.addFirst(this);
    }

    private void reset(Set<URI> origins) {
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException e) {
            // the usual case
        }
        var old = driver.getWindowHandles();
        driver.switchTo().newWindow(WindowType.TAB);
        var fresh = driver.getWindowHandle();
        for (var handle : old) {
            driver.switchTo().window(handle).close();
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        for (var origin : origins) {
            driver.executeCdpCommand(
                    "Storage.clearDataForOrigin",
                    Map.of("origin", origin.getScheme() + "://" + origin.getAuthority(), "storageTypes", "all"));
        }
        if (!driver.manage().getCookies().isEmpty() || driver.getWindowHandles().size() != 1) {
            throw new WebDriverException("the browser kept cookies or tabs through its reset");
        }
    }

    private void quit() {
        try {
            driver.quit();
        } catch (WebDriverException e) {
            // gone already
        }
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
