package dev.payments.currency;

import static dev.payments.currency.ReportingCurrencyTest.assertReported;
import static dev.payments.currency.ReportingCurrencyTest.stored;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.payments.support.Eventually;
import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract section 2: the rate history keeps itself whole. The stored rates end with the bundled history (2023-02-21),
 * years before the days the refresh reads; ECB's full history is at a fake ECB that answers 503 until the test lets it
 * through, so a payment of a day in between is pending until then, and converted after, with no operator step.
 */
@QuarkusTest
@TestProfile(RateHistoryTest.HistoryHeldBack.class)
class RateHistoryTest {

    private static FakeEcb ecb;

    @Inject
    ExchangeRates rates;

    public static class HistoryHeldBack implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return FakeEcb.historyAt(port());
        }
    }

    /** One port per JVM: Quarkus loads the profile and the test class in different class loaders. */
    private static int port() {
        return FakeEcb.port("fake-ecb.held-back.port");
    }

    @BeforeAll
    static void startEcb() {
        ecb = FakeEcb.holdingBack(port());
    }

    @AfterAll
    static void stopEcb() {
        ecb.close();
    }

    @Test
    void shouldConvertAPaymentOfADayMissingFromTheStoredRatesWithoutAnOperator() {
        Eventually.within(Duration.ofSeconds(60),
                () -> rates.convert(BigDecimal.ONE, "USD", "EUR", LocalDate.parse("2023-02-17")).isPresent());
        TestWebsite site = website("EUR");
        String tx = unique("tx");
        record(site, payment(tx, "amount", "100", "currency", "USD", "timestamp", "2024-06-04T12:00:00Z"));
        assertNull(stored(site, tx).get("data[0].reporting_amount"));

        ecb.release();
        // 100 / 1.1 = 90.909... -> 90.91
        assertReported(site, tx, "90.91", "EUR");
    }
}
