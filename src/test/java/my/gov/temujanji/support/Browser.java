package my.gov.temujanji.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, the size of a phone, for browser tests. Uses the installed browser and
 * driver only: Selenium Manager is never asked to download anything (there may be no internet).
 * Without Chromium a test is skipped, except on CI ({@code CI=true}), where that is a failure.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final int WIDTH = 400;
    private static final int HEIGHT = 900;
    private static final String MISSING = "Chromium not installed: apt-get install chromium chromium-driver";

    private final ChromeDriver driver;
    private final Path profile;
    private int width = WIDTH;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test when Chromium is missing; fails it instead on CI. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) {
            if (!installed) {
                fail(MISSING + " (CI=true: browser tests must run)");
            }
            return;
        }
        assumeTrue(installed, MISSING);
    }

    /**
     * A fresh browser with its own profile, 400 px wide, preferring Malay like a Malaysian applicant's.
     *
     * @param javascript false to browse as a person whose browser runs no scripts
     */
    public static Browser start(boolean javascript) {
        assumeInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("temujanji-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + WIDTH + "," + HEIGHT, "--lang=ms", "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", "ms,en");
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        // A stuck command fails within a minute instead of Selenium's default three.
        ChromeDriver driver = new ChromeDriver(service, options,
                ClientConfig.defaultConfig().readTimeout(Duration.ofSeconds(60)));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // Desktop Chrome keeps windows at least 500 px wide, so the phone's width is emulated. (Chrome's
        // mobileEmulation option would do it too, but makes clicks hang while JavaScript is off.)
        Browser browser = new Browser(driver, profile);
        browser.emulateViewport(HEIGHT);
        return browser;
    }

    /** Clicks what leads to another page, and waits until that page has replaced this one and has loaded. */
    public static void follow(WebDriver page, By target) {
        follow(page, target, Duration.ofSeconds(15));
    }

    /** As {@link #follow(WebDriver, By)}, for a page that may take up to {@code timeout} to leave (a proof of work). */
    public static void follow(WebDriver page, By target, Duration timeout) {
        WebElement current = page.findElement(By.tagName("html"));
        page.findElement(target).click();
        new WebDriverWait(page, timeout).until(d -> replaced(current));
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the page of this element has been replaced. Asked while the new page is arriving,
     * Chromium sometimes answers with an inspector error instead of "stale": the node is gone all the same.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The whole page, not just the window, as {@code target/screenshots/<name>.png}. */
    @SuppressWarnings("unchecked")
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        // The viewport is made as tall as the page for the shot, then put back.
        emulateViewport((int) Math.ceil(((Number) content.get("height")).doubleValue()));
        Map<String, Object> shot;
        try {
            shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        } finally {
            emulateViewport(HEIGHT);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The viewport's width from now on (360 for a small phone, 1280 for a laptop), the height unchanged. */
    public void resize(int width) {
        this.width = width;
        emulateViewport(HEIGHT);
    }

    /** The viewport's width and height from now on (1920 by 1080 for a hall's TV). */
    public void resize(int width, int height) {
        this.width = width;
        emulateViewport(height);
    }

    private void emulateViewport(int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                FileSystemUtils.deleteRecursively(profile);
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
