package dev.payments.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A new headless Chromium for each test, from the Debian packages chromium and chromium-driver; nothing is downloaded
 * (Selenium Manager is skipped because both paths are given). Without them the test is skipped, or fails when
 * REQUIRE_BROWSER_TESTS=true. When a test fails, its screenshot and page source are saved and named in the error.
 */
public final class HeadlessChromium implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

    private static final Logger LOG = Logger.getLogger(HeadlessChromium.class.getName());
    private static final String PACKAGES = "chromium chromium-driver";

    private final Path failures;
    private Path profile;
    private ChromeDriver driver;

    /** Failure screenshots and page sources go to the folder failures. */
    public HeadlessChromium(Path failures) {
        this.failures = failures;
    }

    public WebDriver driver() {
        return driver;
    }

    /** The folder this test's downloads go to (empty when the test starts). */
    public Path downloads() {
        return profile.resolve("downloads");
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Path chromium = executable("CHROME_BINARY", "/usr/bin/chromium");
        Path chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads().toString(),
                "download.prompt_for_download", false));
        driver = new ChromeDriver(
                new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build(), options);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Path saved = failures.resolve(context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName()).toAbsolutePath();
        try {
            Files.createDirectories(failures);
            Files.write(Path.of(saved + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(Path.of(saved + ".html"), driver.getPageSource());
        } catch (Exception e) {
            failure.addSuppressed(e);
            throw failure;
        }
        throw new AssertionError(failure.getMessage() + "\n(browser screenshot and page source: " + saved
                + ".png and .html)", failure);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    /** The path in the system property or environment variable setting, else the Debian package's. */
    private static Path executable(String setting, String debianPath) {
        Path path = Path.of(System.getProperty(setting, System.getenv().getOrDefault(setting, debianPath)));
        if (!Files.isExecutable(path)) {
            String problem = path + " is missing or not executable: install the Debian packages " + PACKAGES
                    + " (apt-get install " + PACKAGES + ") or set " + setting;
            if ("true".equals(System.getenv("REQUIRE_BROWSER_TESTS"))) {
                fail("REQUIRE_BROWSER_TESTS=true but " + problem);
            }
            String skipped = "Browser test skipped: " + problem;
            // the build log shows no reason for a skipped test
            LOG.warning(skipped);
            Assumptions.abort(skipped);
        }
        return path;
    }
}
