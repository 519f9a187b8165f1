package dev.payments.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exchange_rate table read back into a book: every day and rate as stored, the tiny and the large alike. */
@QuarkusTest
class RateStoreTest {

    /** Days the bundled history publishes; silver and platinum are no ECB currencies, so no other test uses them. */
    private static final LocalDate FIRST_DAY = LocalDate.parse("1999-01-04");
    private static final LocalDate LATER_DAY = LocalDate.parse("2020-02-28");

    @Inject
    RateStore store;

    @Test
    void shouldReadBackEveryStoredRateExactly() throws SQLException {
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

    private static BigDecimal perEuro(RateBook book, String currency, LocalDate day) {
        return book.convert(BigDecimal.ONE, "EUR", currency, day).orElseThrow().amount();
    }
}
