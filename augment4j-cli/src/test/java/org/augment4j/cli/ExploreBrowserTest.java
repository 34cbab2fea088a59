package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.Compose;
import org.augment4j.serial.PipelineFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer in a real browser: Debian's headless Chromium driven by Selenium. Needs {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (packages {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs);
 * without them the test is skipped, unless {@code AUGMENT4J_REQUIRE_BROWSER=1} (set by CI) makes that a failure.
 * Screenshots go to {@code target/explore-screenshots/}.
 */
class ExploreBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static ExploreServer server;
    static WebDriver browser;
    static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "1".equals(System.getenv("AUGMENT4J_REQUIRE_BROWSER"))) {
            throw new AssertionError("AUGMENT4J_REQUIRE_BROWSER=1 but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, "no " + CHROMIUM + " / " + CHROMEDRIVER + ": install Debian's chromium and chromium-driver (as .ci/run does)");
        server = ExploreServerTest.command("--port", "0").start();
        downloads = Files.createDirectories(dir.resolve("downloads"));
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toString());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1500,1000",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        o.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private static WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** An attribute of the first element {@code css} selects, or null; read in one script, so a re-render cannot intervene. */
    private static String attribute(String css, String name) {
        return (String) ((JavascriptExecutor) browser).executeScript("const e = document.querySelector(arguments[0]); return e && e.getAttribute(arguments[1]);", css, name);
    }

    /** Waits until the one-transform view shows a result other than {@code before}, and returns its pixel hash. */
    private static String nextOutput(String before) {
        await().until(d -> {
            String sha = attribute("#single-output", "data-sha");
            return sha != null && !sha.equals(before) ? sha : null;
        });
        return attribute("#single-output", "data-sha");
    }

    private static void set(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
        ((JavascriptExecutor) browser).executeScript("arguments[0].dispatchEvent(new Event('change'))", input);
    }

    private static void screenshot(String name) throws Exception {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Path out = Files.createDirectories(Path.of("target/explore-screenshots")).resolve(name);
        Files.write(out, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void oneTransformReactsToItsParametersAndShowsTheLibrarysErrors() throws Exception {
        browser.get(server.url());
        String first = nextOutput(null);
        browser.findElement(By.id("transform-search")).sendKeys("Rotate");
        browser.findElement(By.cssSelector("#transform-list button[data-name='Rotate']")).click();
        String rotated = nextOutput(first);
        assertThat(browser.findElement(By.id("single-applied")).getText()).contains("Rotate").contains("angle");
        String seed = browser.findElement(By.id("single-seed")).getText();
        browser.findElement(By.id("new-seed")).click();
        rotated = nextOutput(rotated);
        assertThat(browser.findElement(By.id("single-seed")).getText()).isNotEqualTo(seed);
        List<WebElement> limit = browser.findElements(By.cssSelector("#single-form input[name='limit']"));
        assertThat(limit).hasSize(2);
        set(limit.get(0), "80");
        set(limit.get(1), "80");
        String changed = nextOutput(rotated);
        assertThat(changed).isNotEqualTo(rotated);
        assertThat(browser.findElement(By.id("single-applied")).getText()).contains("80");
        screenshot("explore-transform.png");

        browser.findElement(By.id("transform-search")).clear();
        browser.findElement(By.id("transform-search")).sendKeys("Blur");
        browser.findElement(By.cssSelector("#transform-list button[data-name='Blur']")).click();
        nextOutput(attribute("#single-output", "data-sha"));
        set(browser.findElement(By.cssSelector("#single-form input[name='blur_limit'][data-part='0']")), "1");
        WebElement error = browser.findElement(By.cssSelector("#single-form .field[data-path$='.blur_limit'] .err"));
        await().until(d -> !error.getText().isEmpty());
        assertThat(error.getText()).contains("blur_limit").contains(">= 3");
    }

    @Test
    void aTwoStepPipelineDownloadsAsAFileThatGivesTheSameOutput() throws Exception {
        browser.get(server.url());
        nextOutput(null);
        browser.findElement(By.id("tab-pipeline")).click();
        for (String name : List.of("HorizontalFlip", "Affine")) {
            set(browser.findElement(By.id("add-step-name")), name);
            browser.findElement(By.id("add-step")).click();
        }
        assertThat(browser.findElements(By.cssSelector("#steps > li.step"))).hasSize(2);
        await().until(d -> d.findElements(By.cssSelector("#pipeline-grid img")).size() == 8);
        String before = attribute("#pipeline-grid img", "data-sha");
        WebElement rotate = browser.findElement(By.cssSelector("#steps li[data-path='$.transform.transforms[1]'] input[name='rotate'][data-part='0']"));
        set(rotate, "30");
        await().until(d -> !before.equals(attribute("#pipeline-grid img", "data-sha")));
        browser.findElement(By.cssSelector("#label-params summary")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("bbox-format"))).selectByVisibleText("pascal_voc");
        set(browser.findElement(By.id("bbox-label-fields")), "labels");
        set(browser.findElement(By.id("bbox-min-visibility")), "2");
        WebElement visibilityError = browser.findElement(By.cssSelector("[data-path='$.transform.bbox_params.min_visibility'] .err"));
        await().until(d -> !visibilityError.getText().isEmpty());
        assertThat(visibilityError.getText()).contains("min_visibility");
        set(browser.findElement(By.id("bbox-min-visibility")), "0.3");
        await().until(d -> visibilityError.getText().isEmpty());   // cleared only by a successful render
        String sha = attribute("#pipeline-grid img", "data-sha");
        long seed = Long.parseLong(attribute("#pipeline-grid img", "data-seed"));
        screenshot("explore-pipeline.png");

        browser.findElement(By.id("download-json")).click();
        Path file = downloads.resolve("pipeline.json");
        await().until(d -> Files.exists(file) && file.toFile().length() > 0);
        Compose loaded = PipelineFile.load(file);
        assertThat(loaded.transforms()).extracting(t -> t.name()).containsExactly("HorizontalFlip", "Affine");
        assertThat(loaded.bboxParams().minVisibility()).isEqualTo(0.3);
        assertThat(loaded.bboxParams().labelFields()).containsExactly("labels");
        String image = browser.findElement(By.id("image-select")).getAttribute("value");
        AugmentedPicture again = ExploreServer.picture(server.images().get(image), loaded, seed, 200);
        assertThat(again.pixelSha256()).as("the downloaded file, applied with the page's seed, gives the page's pixels").isEqualTo(sha);
    }
}
