package dev.payments.dashboard;

import dev.payments.support.PageWaits;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** /dashboard driven as its reader uses it; each step waits until the page shows what the next one needs. */
final class DashboardPage {

    private final WebDriver driver;
    private final PageWaits waits;

    private DashboardPage(WebDriver driver) {
        this.driver = driver;
        this.waits = new PageWaits(driver);
    }

    /** Opens /dashboard (its address without the folder's slash, as a person types it) at the sign-in form. */
    static DashboardPage open(WebDriver driver, URL dashboard) {
        driver.get(dashboard.toString());
        DashboardPage page = new DashboardPage(driver);
        page.shown("#credential");
        return page;
    }

    /** Enters the key or token and submits it. */
    DashboardPage signIn(String credential) {
        shown("#credential").sendKeys(credential);
        shown("#sign-in button[type=submit]").click();
        return this;
    }

    /** Waits until the totals and the chart are drawn and the payments listed. */
    DashboardPage loaded() {
        waits.until("the totals, the chart and the payments", d -> script(
                "return document.body.dataset.drawn !== undefined && document.body.dataset.listed !== undefined"));
        return this;
    }

    /** The website picker of an account token: chooses the website and shows it. */
    DashboardPage pickWebsite(String websiteId) {
        waits.until("the website " + websiteId + " among the choices",
                d -> !d.findElements(By.cssSelector("#website-select option[value='" + websiteId + "']")).isEmpty());
        new Select(shown("#website-select")).selectByValue(websiteId);
        shown("#website-picker button[type=submit]").click();
        return this;
    }

    /** The range the page asked for: {startAt, endAt} as sent to the API. */
    Map<String, String> period() {
        WebElement period = shown("#period");
        return Map.of("startAt", period.getDomAttribute("data-start-at"), "endAt",
                period.getDomAttribute("data-end-at"));
    }

    /** Each total shown, by its API name, with the exact figure the page was given. */
    Map<String, BigDecimal> totals() {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (WebElement total : driver.findElements(By.cssSelector("#totals dd"))) {
            totals.put(total.getDomAttribute("data-total"), new BigDecimal(total.getDomAttribute("data-value")));
        }
        return totals;
    }

    /** The chart as Chart.js holds it: its bucket labels, and its series' names and values. */
    @SuppressWarnings("unchecked")
    Map<String, Object> chart() {
        return (Map<String, Object>) script("""
                const chart = Chart.getChart(document.getElementById('chart'));
                return {labels: chart.data.labels,
                        series: chart.data.datasets.map(set => ({name: set.label, values: set.data.map(String)}))};
                """);
    }

    /** The figures of the chart's table, one row per bucket: new, renewal, refund, net. */
    List<List<BigDecimal>> bucketRows() {
        return driver.findElements(By.cssSelector("#buckets tbody tr")).stream()
                .map(row -> row.findElements(By.cssSelector("td")).stream()
                        .map(cell -> new BigDecimal(cell.getDomAttribute("data-value"))).toList())
                .toList();
    }

    /** The transaction ids listed, newest first. */
    List<String> transactions() {
        return driver.findElements(By.cssSelector("#payments tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-transaction")).toList();
    }

    /** The listed payment's row, as shown. */
    WebElement row(String transactionId) {
        return shown("#payments tbody tr[data-transaction='" + transactionId + "']");
    }

    /** Follows the link of a visitor in the list and waits until only its payments are listed. */
    DashboardPage filterByVisitor(String visitorId) {
        String listed = (String) script("return document.body.dataset.listed");
        shown("#payments a[href='#datafast_visitor_id=" + visitorId + "']").click();
        waits.until("the list filtered by " + visitorId,
                d -> !listed.equals(script("return document.body.dataset.listed")));
        return this;
    }

    /** Clicks Download CSV and waits for the file in the folder; answers its text. */
    String downloadCsv(Path downloads) throws Exception {
        shown("#download").click();
        Path csv = downloads.resolve("payments.csv");
        waits.until("payments.csv in " + downloads, d -> Files.exists(csv));
        return Files.readString(csv);
    }

    String text(String css) {
        return shown(css).getText();
    }

    boolean displayed(String css) {
        return driver.findElement(By.cssSelector(css)).isDisplayed();
    }

    Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    WebElement shown(String css) {
        return waits.shown(driver, css);
    }
}
