package dev.payments.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The conversion rules on the bundled ECB history and on small made-up books. */
class RateBookTest {

    private static final RateBook HISTORY = history();

    @Test
    void shouldConvertTheSameCurrencyAtExactlyOneEvenWithoutRates() {
        Conversion same = RateBook.EMPTY.convert(new BigDecimal("10.005"), "USD", "USD", day("2030-01-01")).orElseThrow();
        assertEquals(new BigDecimal("10.00"), same.amount());
        assertEquals(BigDecimal.ONE, same.rate());
    }

    @Test
    void shouldConvertBothWaysBetweenEuroAndAnotherCurrency() {
        // 2023-02-17: 1 EUR = 1.0625 USD
        assertEquals(new BigDecimal("106.25"), amount(HISTORY, "100", "EUR", "USD", "2023-02-17"));
        assertEquals(new BigDecimal("94.12"), amount(HISTORY, "100", "USD", "EUR", "2023-02-17"));
    }

    @Test
    void shouldCrossTwoOtherCurrenciesThroughTheEuro() {
        // 100 x 0.88888 GBP / 1.0625 USD = 83.6592... GBP
        Conversion conversion = HISTORY.convert(new BigDecimal("100"), "USD", "GBP", day("2023-02-17")).orElseThrow();
        assertEquals(new BigDecimal("83.66"), conversion.amount());
        assertEquals(new BigDecimal("0.8365929412"), conversion.rate());
    }

    @Test
    void shouldUseTheLastWorkingDaysRatesOnHolidays() {
        // Good Friday 2022-04-15 and Easter Monday 2022-04-18: no publication; Thursday 2022-04-14 applies
        Conversion easterMonday = HISTORY.convert(BigDecimal.TEN, "EUR", "USD", day("2022-04-18")).orElseThrow();
        assertEquals(day("2022-04-14"), easterMonday.rateDate());
    }

    @Test
    void shouldRoundToTheReportingCurrencysMinorUnits() {
        RateBook book = RateBook.EMPTY.with(List.of(new DailyRates(day("2025-01-02"),
                Map.of("JPY", new BigDecimal("160.5"), "BHD", new BigDecimal("0.392125")))));
        assertEquals(new BigDecimal("1605"), amount(book, "10", "EUR", "JPY", "2025-01-02"));
        // 1.5 x 0.392125 = 0.5881875 -> 0.588 (3 decimals, half to even)
        assertEquals(new BigDecimal("0.588"), amount(book, "1.5", "EUR", "BHD", "2025-01-02"));
        // 2.5 x 0.392125 = 0.9803125 -> 0.980
        assertEquals(new BigDecimal("0.980"), amount(book, "2.5", "EUR", "BHD", "2025-01-02"));
    }

    @Test
    void shouldRoundHalfToEven() {
        RateBook book = RateBook.EMPTY.with(List.of(new DailyRates(day("2025-01-02"), Map.of("USD", new BigDecimal("1.5")))));
        assertEquals(new BigDecimal("0.02"), amount(book, "0.015", "EUR", "USD", "2025-01-02")); // 0.0225 -> 0.02
        assertEquals(new BigDecimal("0.04"), amount(book, "0.025", "EUR", "USD", "2025-01-02")); // 0.0375 -> 0.04
    }

    @Test
    void shouldHaveNoRateAfterTheNewestPublicationBeforeTheFirstOrInAGap() {
        RateBook book = RateBook.EMPTY.with(List.of(
                new DailyRates(day("2025-01-02"), Map.of("USD", new BigDecimal("1.1"))),
                new DailyRates(day("2025-03-03"), Map.of("USD", new BigDecimal("1.2")))));
        assertTrue(book.convert(BigDecimal.ONE, "EUR", "USD", day("2025-03-04")).isEmpty());
        assertTrue(book.convert(BigDecimal.ONE, "EUR", "USD", day("2025-01-01")).isEmpty());
        assertTrue(book.convert(BigDecimal.ONE, "EUR", "USD", day("2025-02-15")).isEmpty());
    }

    @Test
    void shouldHaveNoRateForACurrencyNotPublishedThatDay() {
        assertTrue(HISTORY.convert(BigDecimal.ONE, "EUR", "RUB", day("2023-02-17")).isEmpty());
        assertTrue(HISTORY.convert(BigDecimal.ONE, "BHD", "EUR", day("2023-02-17")).isEmpty());
    }

    @Test
    void shouldLetALaterLoadReplaceARate() {
        RateBook book = RateBook.EMPTY.with(List.of(new DailyRates(day("2025-01-02"), Map.of("USD", new BigDecimal("1.1")))))
                .with(List.of(new DailyRates(day("2025-01-02"), Map.of("USD", new BigDecimal("1.2"))),
                        new DailyRates(day("2025-01-03"), Map.of("USD", new BigDecimal("1.3")))));
        assertEquals(new BigDecimal("1.20"), amount(book, "1", "EUR", "USD", "2025-01-02"));
        assertEquals(Optional.of(day("2025-01-03")), book.latest());
        assertEquals(2, book.size());
    }

    @Test
    void shouldRefuseARateWithMoreThanSixDecimals() {
        List<DailyRates> tooPrecise = List.of(new DailyRates(day("2025-01-02"), Map.of("USD", new BigDecimal("1.1234567"))));
        assertThrows(IllegalArgumentException.class, () -> RateBook.EMPTY.with(tooPrecise));
    }

    @Test
    void shouldHoldTheWholeBundledHistory() {
        assertEquals(193_655, HISTORY.size());
        assertEquals(Optional.of(day("2023-02-21")), HISTORY.latest());
    }

    private static BigDecimal amount(RateBook book, String amount, String from, String to, String date) {
        return book.convert(new BigDecimal(amount), from, to, day(date)).orElseThrow().amount();
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static RateBook history() {
        try (InputStream xml = RateBookTest.class.getClassLoader().getResourceAsStream(RateSources.BUNDLED_HISTORY)) {
            return RateBook.EMPTY.with(EcbXml.parse(xml));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
