package org.commitmenttracker.dashboard.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which .ci/run installs) driving
 * the dashboard as a user would: paste a token, follow the navigation, wait for each page to be complete.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    static final Path DOWNLOADS = Path.of("target", "dashboard-downloads");
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    static Browser open(String baseUrl) throws IOException {
        // Explicit paths: Selenium Manager must not look for (or download) a browser of its own.
        String chromium = System.getProperty("chromium.binary", "/usr/bin/chromium");
        String chromedriver = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
        Path profile = Files.createTempDirectory("dashboard-chromium-");
        Files.createDirectories(DOWNLOADS);
        ChromeOptions options = new ChromeOptions().setBinary(chromium);
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", DOWNLOADS.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        options.addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        Files.createDirectories(Path.of("target"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().withLogFile(Path.of("target", "chromedriver.log").toFile()).build();
        return new Browser(new ChromeDriver(service, options), profile, baseUrl);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Signs in with {@code authorization} ("Bearer …"), pasted into the sign-in page as a user would. */
    void signIn(String authorization) {
        show("signin", "signin");
        // With a sign-in provider configured, the pasted token is the folded-away advanced option.
        script("const advanced = document.getElementById('signin-advanced'); if (advanced) advanced.open = true;");
        WebElement field = driver.findElement(By.id("token"));
        field.clear();
        field.sendKeys(authorization.substring("Bearer ".length()));
        script("document.getElementById('main').removeAttribute('data-ready');");
        driver.findElement(By.id("signin-submit")).click();
        awaitView(null);
    }

    /** Loads the dashboard afresh at {@code hash} (a full page load, as a user opening a bookmark). */
    void load(String hash, String view) {
        driver.get("about:blank");
        driver.get(baseUrl + "/" + hash);
        awaitView(view);
    }

    /** Goes to {@code #/<route>} within the running app and waits until the {@code view} page is complete. */
    void show(String route, String view) {
        if (!driver.getCurrentUrl().startsWith(baseUrl)) {
            driver.get(baseUrl + "/");
        }
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('main').removeAttribute('data-ready'); location.hash = arguments[0];", "#/" + route);
        awaitView(view);
    }

    /** Waits until the page the router shows is complete (for {@code view}, or any when null). */
    void awaitView(String view) {
        new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
            String ready = d.findElement(By.id("main")).getAttribute("data-ready");
            return ready != null && (view == null || view.equals(ready));
        });
    }

    /** Waits for {@code condition}; an element the page re-rendered while it was read is read again. */
    void until(Duration timeout, java.util.function.Function<ChromeDriver, Boolean> condition) {
        new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(d -> condition.apply(driver));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Drops the screenshots and downloads of an earlier run, so what is there belongs to this one. */
    void clearEvidence() throws IOException {
        for (Path directory : List.of(SCREENSHOTS, DOWNLOADS)) {
            if (Files.isDirectory(directory)) {
                try (var files = Files.list(directory)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    /** Form controls of the current page that have no label a screen reader could announce. */
    @SuppressWarnings("unchecked")
    List<String> unlabelledControls() {
        return (List<String>) script("return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())"
                + ".map(e => e.outerHTML.slice(0, 120));");
    }

    /** Whether the page needs sideways scrolling at the window's current width (it should reflow instead). */
    boolean overflowsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    /** A screenshot and the page's DOM under target/dashboard-screenshots, named after the test. */
    void saveEvidence(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
