package dev.payments.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.platform.database.JdbcFailure;
import dev.payments.support.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exchange_rate table read back into a book: every day and rate as stored, the tiny and the large alike; and a
 * pause in ECB's publications told apart from days missing.
 */
@QuarkusTest
class RateStoreTest {

    /** Days the bundled history publishes; silver and platinum are no ECB currencies, so no other test uses them. */
    private static final LocalDate FIRST_DAY = LocalDate.parse("1999-01-04");
    private static final LocalDate LATER_DAY = LocalDate.parse("2020-02-28");
    private static final int PAUSE = RateBook.MAX_DAYS_SINCE_PUBLICATION;

    @Inject
    RateStore store;

    @Test
    void shouldReadBackEveryStoredRateExactly() {
        store.store(List.of(
                new DailyRates(FIRST_DAY,
                        Map.of("XAG", new BigDecimal("1234567.123456"), "XPT", new BigDecimal("0.000001"))),
                new DailyRates(LATER_DAY, Map.of("XAG", new BigDecimal("0.5")))));

        RateBook book = store.loadBook();

        assertEquals(new BigDecimal("1234567.12345600"), perEuro(book, "XAG", FIRST_DAY));
        assertEquals(new BigDecimal("0.00000100"), perEuro(book, "XPT", FIRST_DAY));
        assertEquals(new BigDecimal("0.50000000"), perEuro(book, "XAG", LATER_DAY));
        assertEquals(store.count(LocalDate.of(9999, 12, 31)), book.size());
    }

    @Test
    void shouldTellDaysMissingFromAPauseInPublication() {
        assertTrue(Eventually.within(Duration.ofSeconds(60), () -> bundledRates() >= RateSources.BUNDLED_RATES));
        // nothing published from 2022-12-24 to 2022-12-26 (a weekend, Christmas): a pause, not days missing
        assertFalse(store.hasGap(LocalDate.parse("2022-12-01"), LocalDate.parse("2023-01-10"), PAUSE));
        // the bundled history ends on 2023-02-21
        assertTrue(store.hasGap(LocalDate.parse("2023-02-01"), LocalDate.parse("2023-03-10"), PAUSE));
    }

    private long bundledRates() {
        try {
            return store.count(RateSources.BUNDLED_LAST_DAY);
        } catch (JdbcFailure e) {
            return 0;
        }
    }

    private static BigDecimal perEuro(RateBook book, String currency, LocalDate day) {
        return book.convert(BigDecimal.ONE, "EUR", currency, day).orElseThrow().amount();
    }
}
