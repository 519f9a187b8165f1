package dev.payments.currency;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.payments.support.Eventually;
import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Contract section 2, "Reporting currency", through the API, with the bundled ECB history. On 2023-02-17 (a Friday)
 * ECB published 1 EUR = 1.0625 USD = 143.18 JPY = 0.88888 GBP; 2023-02-18 and -19 are a weekend; the history ends
 * on 2023-02-21.
 */
@QuarkusTest
class ReportingCurrencyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String FRIDAY = "2023-02-17T12:00:00Z";

    @Test
    void shouldConvertAtTheRateOfThePaymentsDay() {
        TestWebsite site = website("EUR");
        String tx = recordPayment(site, "100", "USD", FRIDAY);
        // 100 / 1.0625 = 94.1176... -> 94.12
        assertReported(site, tx, "94.12", "EUR");
    }

    @Test
    void shouldUseFridaysRateForAWeekendPayment() {
        TestWebsite site = website("EUR");
        String tx = recordPayment(site, "100", "USD", "2023-02-19T23:59:59Z");
        assertReported(site, tx, "94.12", "EUR");
    }

    @Test
    void shouldConvertFromEuroAndRoundHalfToEven() {
        TestWebsite site = website("USD");
        String tx = recordPayment(site, "50", "EUR", FRIDAY);
        // 50 x 1.0625 = 53.125 -> 53.12 (half to even)
        assertReported(site, tx, "53.12", "USD");
    }

    @Test
    void shouldConvertBetweenTwoOtherCurrenciesThroughTheEuroToWholeYen() {
        TestWebsite site = website("JPY");
        String tx = recordPayment(site, "10", "USD", FRIDAY);
        // 10 x 143.18 / 1.0625 = 1347.576... -> 1348 (JPY has no minor unit)
        assertReported(site, tx, "1348", "JPY");
    }

    @Test
    void shouldKeepTheAmountInTheSameCurrencyWhateverTheDate() {
        TestWebsite site = website("USD");
        String tx = recordPayment(site, "29.99", "USD", null);
        assertReported(site, tx, "29.99", "USD");
    }

    @Test
    void shouldRecordAPaymentWithoutAKnownRateAsPending() {
        TestWebsite site = website("USD");
        String tx = recordPayment(site, "29.99", "EUR", null);
        JsonPath stored = stored(site, tx);
        assertNull(stored.get("data[0].reporting_amount"));
        assertEquals("USD", stored.getString("data[0].reporting_currency"));
    }

    @Test
    void shouldRecordACurrencyTheEcbDoesNotPublishAsPending() {
        TestWebsite site = website("USD");
        String tx = recordPayment(site, "10", "BHD", FRIDAY);
        assertNull(stored(site, tx).get("data[0].reporting_amount"));
    }

    @Test
    void shouldReconvertEveryPaymentWhenTheReportingCurrencyChanges() {
        TestWebsite site = website("EUR");
        String tx = recordPayment(site, "100", "USD", FRIDAY);
        assertReported(site, tx, "94.12", "EUR");
        as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("currency", "GBP"))
                .put("/api/v1/admin/websites/{id}", site.id()).then().statusCode(200);
        // 100 x 0.88888 / 1.0625 = 83.6592... -> 83.66
        assertReported(site, tx, "83.66", "GBP");
    }

    private static String recordPayment(TestWebsite site, String amount, String currency, String timestamp) {
        String tx = unique("tx");
        Map<String, Object> body = payment(tx, "amount", amount, "currency", currency);
        if (timestamp != null) {
            body.put("timestamp", timestamp);
        }
        record(site, body);
        return tx;
    }

    /** Conversions may wait for the rates to be loaded in the background: the test waits for them too. */
    static void assertReported(TestWebsite site, String tx, String amount, String currency) {
        JsonPath stored = awaitStored(site, tx, json -> currency.equals(json.getString("data[0].reporting_currency"))
                && json.get("data[0].reporting_amount") != null);
        assertEquals(new BigDecimal(amount), stored.getObject("data[0].reporting_amount", BigDecimal.class));
    }

    static JsonPath awaitStored(TestWebsite site, String tx, Predicate<JsonPath> done) {
        Eventually.within(PATIENCE, () -> done.test(stored(site, tx)));
        return stored(site, tx);
    }

    static JsonPath stored(TestWebsite site, String tx) {
        return as(site.key()).queryParam("transaction_id", tx).get("/api/v1/payments")
                .then().statusCode(200).extract().jsonPath();
    }
}
