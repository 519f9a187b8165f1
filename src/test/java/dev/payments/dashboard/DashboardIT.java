package dev.payments.dashboard;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.AxeCore;
import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.HeadlessChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/** /dashboard of the packaged application in headless Chromium: what it shows is what the public API answers. */
@QuarkusIntegrationTest
class DashboardIT {

    /** Where the screenshot docs/dashboard.md shows is written; DASHBOARD_SCREENSHOT=docs/dashboard.png renews it. */
    private static final Path SCREENSHOT = Path.of(System.getenv().getOrDefault("DASHBOARD_SCREENSHOT",
            "target/screenshots/dashboard.png"));

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium(Path.of("target", "dashboard-failures"));

    @TestHTTPResource("/dashboard")
    URL dashboard;

    private TestWebsite site;

    @BeforeEach
    void websiteWithAMonthOfPayments() {
        site = website();
        Instant now = Instant.now();
        for (int day = 1; day <= 8; day++) {
            record(site, payment("tx_" + day, "amount", 20 + day * 5, "datafast_visitor_id", "visitor_" + day % 3,
                    "renewal", day % 4 == 0, "timestamp", now.minus(day * 3L, ChronoUnit.DAYS).toString()));
        }
        record(site, payment("tx_2", "amount", 30, "refunded", true, "refunded_amount", 12.5));
    }

    @Test
    void shouldShowTheTotalsTheRevenueApiAnswers() {
        DashboardPage page = DashboardPage.open(chromium.driver(), dashboard).signIn(site.key()).loaded();

        Map<String, Object> answered = revenue(page.period()).getMap("data[0].totals");
        Map<String, BigDecimal> shown = page.totals();
        assertEquals(List.of("net", "new", "renewal", "refund", "payments", "renewals", "refunds", "free_trials",
                "customers", "visitors"), List.copyOf(shown.keySet()));
        shown.forEach((name, figure) ->
                assertThat(name, figure, comparesEqualTo(new BigDecimal(answered.get(name).toString()))));
    }

    @Test
    void shouldDrawOneGroupOfBarsPerBucket() {
        DashboardPage page = DashboardPage.open(chromium.driver(), dashboard).signIn(site.key()).loaded();

        List<Map<String, Object>> buckets = revenue(page.period()).getList("data[0].timeseries");
        Map<String, Object> chart = page.chart();
        assertThat((List<?>) chart.get("labels"), hasSize(buckets.size()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) chart.get("series");
        assertEquals(List.of("New", "Renewal", "Refund"), series.stream().map(set -> set.get("name")).toList());
        List<String> keys = List.of("new", "renewal", "refund");
        for (int set = 0; set < keys.size(); set++) {
            String key = keys.get(set);
            assertEquals(buckets.stream().map(bucket -> new BigDecimal(bucket.get(key).toString())).toList(),
                    ((List<?>) series.get(set).get("values")).stream().map(v -> new BigDecimal(v.toString())).toList(),
                    key + " per bucket");
        }
        assertThat(page.bucketRows(), hasSize(buckets.size()));
    }

    @Test
    void shouldShowAPartialRefundOnItsPayment() {
        DashboardPage page = DashboardPage.open(chromium.driver(), dashboard).signIn(site.key()).loaded();

        String refunded = page.row("tx_2").findElement(By.cssSelector("td[data-refunded]"))
                .getDomAttribute("data-refunded");
        assertThat(new BigDecimal(refunded), comparesEqualTo(new BigDecimal("12.5")));
        assertThat(page.row("tx_2").getText(), containsString("12.50 of"));
        assertThat(page.totals().get("refund"), comparesEqualTo(new BigDecimal("12.5")));
    }

    @Test
    void shouldListTheNewestPaymentsFirst() {
        DashboardPage page = DashboardPage.open(chromium.driver(), dashboard).signIn(site.key()).loaded();

        assertEquals(List.of("tx_1", "tx_2", "tx_3", "tx_4", "tx_5", "tx_6", "tx_7", "tx_8"), page.transactions());
    }

    @Test
    void shouldDownloadTheListedPaymentsAsCsv() throws Exception {
        DashboardPage page = DashboardPage.open(chromium.driver(), dashboard).signIn(site.key()).loaded();

        List<String> lines = page.downloadCsv(chromium.downloads()).lines().toList();
        int column = List.of(lines.getFirst().split(",")).indexOf("transaction_id");
        assertEquals(page.transactions(), lines.stream().skip(1).map(line -> line.split(",")[column]).toList());
    }

    @Test
    void shouldListOnlyTheVisitorsPaymentsWhenItsLinkIsFollowed() {
        DashboardPage page = DashboardPage.open(chromium.driver(), dashboard).signIn(site.key()).loaded()
                .filterByVisitor("visitor_1");

        assertEquals(List.of("tx_1", "tx_4", "tx_7"), page.transactions());
        assertThat(page.text("#filter"), containsString("visitor visitor_1"));
    }

    @Test
    void shouldSayThatAWrongKeyIsNotAccepted() {
        DashboardPage page = DashboardPage.open(chromium.driver(), dashboard).signIn(unique("df_wrong"));

        assertThat(page.text("#problem"), containsString("was not accepted"));
        assertTrue(page.displayed("#sign-in"), "the sign-in form is shown again");
    }

    @Test
    void shouldSayWhyATokenWithoutPaymentsReadIsRefused() {
        String token = token(List.of("websites:read"), site.id());

        DashboardPage page = DashboardPage.open(chromium.driver(), dashboard).signIn(token).pickWebsite(site.id());

        assertThat(page.text("#problem"), containsString("may not read the payments of this website"));
    }

    @Test
    void shouldSayHowToRecordAFirstPaymentOnAnEmptyWebsite() {
        DashboardPage page = DashboardPage.open(chromium.driver(), dashboard).signIn(website().key()).loaded();

        assertThat(page.text("#empty"), containsString("Record a first one"));
        assertThat(page.text("#empty"), containsString("/api/v1/payments"));
        assertThat(page.transactions(), empty());
    }

    @Test
    void shouldShowTheChosenWebsiteOfAnAccountToken() {
        String token = token(List.of("websites:read", "payments:read"), site.id());

        DashboardPage page = DashboardPage.open(chromium.driver(), dashboard).signIn(token)
                .pickWebsite(site.id()).loaded();

        assertThat(page.transactions(), hasSize(8));
    }

    @Test
    void shouldKeepTheKeyInTheTabsSessionStorageOnly() {
        DashboardPage page = DashboardPage.open(chromium.driver(), dashboard).signIn(site.key()).loaded();

        assertThat((String) page.script("return sessionStorage.getItem('payments-dashboard')"),
                containsString(site.key()));
        assertEquals(0L, page.script("return localStorage.length"));
        assertEquals("", page.script("return document.cookie"));
        assertFalse(chromium.driver().getCurrentUrl().contains(site.key()));
    }

    @Test
    void shouldHaveNoSeriousAccessibilityViolationOnAWideOrAPhoneScreen() throws Exception {
        chromium.driver().manage().window().setSize(new Dimension(1280, 1400));
        DashboardPage page = DashboardPage.open(chromium.driver(), dashboard).signIn(site.key()).loaded();
        Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
        Files.write(SCREENSHOT, ((TakesScreenshot) chromium.driver()).getScreenshotAs(OutputType.BYTES));
        page.shown("#dashboard details summary").click(); // the chart's table is checked too

        assertThat(AxeCore.seriousViolations(chromium.driver()), empty());
        chromium.driver().manage().window().setSize(new Dimension(390, 844));
        assertThat(AxeCore.seriousViolations(chromium.driver()), empty());
        assertEquals(true, page.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                "nothing wider than a phone's screen but the tables, which scroll in their own box");
    }

    private JsonPath revenue(Map<String, String> period) {
        return as(site.key()).queryParams(period).get("/api/v1/revenue").then().statusCode(200).extract().jsonPath();
    }
}
