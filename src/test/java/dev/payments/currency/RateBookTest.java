package dev.payments.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The conversion rules, on ECB's real history and on small made-up books. On Friday 2023-02-17 ECB published
 * 1 EUR = 1.0625 USD = 143.18 JPY = 0.88888 GBP; nothing on the weekend; the history ends on Tuesday 2023-02-21.
 */
class RateBookTest {

    private static final RateBook HISTORY = history();
    private static final LocalDate FRIDAY = day("2023-02-17");

    @Test
    void shouldConvertTheSameCurrencyAtExactlyOneEvenWithAnEmptyBook() {
        LocalDate future = day("2030-01-01");
        Conversion same = RateBook.EMPTY.convert(dec("29.999"), "USD", "USD", future).orElseThrow();
        assertEquals(new Conversion(dec("30.00"), "USD", BigDecimal.ONE, future), same);
    }

    @Test
    void shouldConvertEuroToAnotherCurrency() {
        // 100 x 1.0625 = 106.25
        assertEquals(new Conversion(dec("106.25"), "USD", dec("1.0625000000"), FRIDAY),
                HISTORY.convert(dec("100"), "EUR", "USD", FRIDAY).orElseThrow());
    }

    @Test
    void shouldConvertAnotherCurrencyToEuro() {
        // 100 / 1.0625 = 94.1176...; one dollar is worth 1 / 1.0625 = 0.94117647058... euro
        assertEquals(new Conversion(dec("94.12"), "EUR", dec("0.9411764706"), FRIDAY),
                HISTORY.convert(dec("100"), "USD", "EUR", FRIDAY).orElseThrow());
    }

    @Test
    void shouldCrossTwoOtherCurrenciesThroughTheEuro() {
        // 100 x 0.88888 / 1.0625 = 83.6592...
        assertEquals(new Conversion(dec("83.66"), "GBP", dec("0.8365929412"), FRIDAY),
                HISTORY.convert(dec("100"), "USD", "GBP", FRIDAY).orElseThrow());
    }

    @Test
    void shouldGiveWholeYen() {
        // 29.99 x 143.18 = 4293.9682
        assertEquals(dec("4294"), amount(HISTORY, "29.99", "EUR", "JPY", FRIDAY));
    }

    @Test
    void shouldRoundOnlyOnceAtTheEnd() {
        // 10 x 143.18 / 1.0625 = 1347.576... -> 1348; rounding to euro cents first would give 9.41 x 143.18 = 1347.32
        assertEquals(dec("1348"), amount(HISTORY, "10", "USD", "JPY", FRIDAY));
    }

    @Test
    void shouldGiveThreeDecimalsForACurrencyWithThreeMinorUnits() {
        // ECB publishes no BHD rate: a made-up one. 100 x 0.400821 / 1.0625 = 37.72432...
        RateBook book = RateBook.EMPTY.with(List.of(rates(FRIDAY, "USD", "1.0625", "BHD", "0.400821")));
        assertEquals(dec("37.724"), amount(book, "100", "USD", "BHD", FRIDAY));
    }

    @Test
    void shouldKeepEightDecimalsForACurrencyWithoutMinorUnits() {
        // Gold has no minor unit in ISO 4217 (-1): 100 x 0.000541 = 0.0541
        RateBook book = RateBook.EMPTY.with(List.of(rates(FRIDAY, "XAU", "0.000541")));
        assertEquals(dec("0.05410000"), amount(book, "100", "EUR", "XAU", FRIDAY));
    }

    @Test
    void shouldRoundHalfToEven() {
        // 50 x 1.0625 = 53.125 -> 53.12 (half up would give 53.13); 30 x 1.0625 = 31.875 -> 31.88
        assertEquals(dec("53.12"), amount(HISTORY, "50", "EUR", "USD", FRIDAY));
        assertEquals(dec("31.88"), amount(HISTORY, "30", "EUR", "USD", FRIDAY));
    }

    @Test
    void shouldUseFridaysRatesOnASaturday() {
        Conversion saturday = HISTORY.convert(dec("100"), "USD", "EUR", day("2023-02-18")).orElseThrow();
        assertEquals(new Conversion(dec("94.12"), "EUR", dec("0.9411764706"), FRIDAY), saturday);
    }

    @Test
    void shouldUseFridaysRatesOnASunday() {
        Conversion sunday = HISTORY.convert(dec("100"), "USD", "EUR", day("2023-02-19")).orElseThrow();
        assertEquals(new Conversion(dec("94.12"), "EUR", dec("0.9411764706"), FRIDAY), sunday);
    }

    @Test
    void shouldUseTheLastPublishedDayOnAHoliday() {
        // No publication on Good Friday 2022-04-15 nor Easter Monday 2022-04-18: Thursday's 1.0878 applies.
        // 100 / 1.0878 = 91.9286...
        Conversion easterMonday = HISTORY.convert(dec("100"), "USD", "EUR", day("2022-04-18")).orElseThrow();
        assertEquals(new Conversion(dec("91.93"), "EUR", dec("0.9192866336"), day("2022-04-14")), easterMonday);
    }

    @Test
    void shouldHaveNoRateAfterTheLatestDay() {
        assertEquals(Optional.empty(), HISTORY.convert(dec("100"), "EUR", "USD", day("2023-02-22")));
    }

    @Test
    void shouldHaveNoRateInAnEmptyBook() {
        assertEquals(Optional.empty(), RateBook.EMPTY.convert(dec("100"), "EUR", "USD", FRIDAY));
    }

    @Test
    void shouldHaveNoRateBeforeTheFirstDay() {
        // The history starts on Monday 1999-01-04
        assertEquals(Optional.empty(), HISTORY.convert(dec("100"), "EUR", "USD", day("1999-01-03")));
    }

    @Test
    void shouldHaveNoRateForACurrencyNoLongerPublished() {
        // ECB published RUB until 2022-03-01
        assertTrue(HISTORY.convert(dec("100"), "EUR", "RUB", day("2022-03-01")).isPresent());
        assertEquals(Optional.empty(), HISTORY.convert(dec("100"), "EUR", "RUB", day("2022-03-02")));
    }

    @Test
    void shouldHaveNoRateForACurrencyNeverPublished() {
        assertEquals(Optional.empty(), HISTORY.convert(dec("100"), "BHD", "EUR", FRIDAY));
    }

    @Test
    void shouldHaveNoRateInAGapOfTheLoadedRates() {
        // More than 7 days after the previous publication: rates are missing there, not merely a holiday
        RateBook book = RateBook.EMPTY.with(List.of(rates(day("2025-01-02"), "USD", "1.1"),
                rates(day("2025-03-03"), "USD", "1.2")));
        assertEquals(Optional.empty(), book.convert(dec("100"), "EUR", "USD", day("2025-01-10")));
    }

    @Test
    void shouldAddTheDaysOfALaterLoad() {
        RateBook first = RateBook.EMPTY.with(List.of(rates(FRIDAY, "USD", "1.0625")));
        RateBook both = first.with(List.of(rates(day("2023-02-20"), "USD", "1.0674")));
        assertEquals(Optional.of(day("2023-02-20")), both.latest());
        assertEquals(dec("106.25"), amount(both, "100", "EUR", "USD", FRIDAY));
        assertEquals(Optional.of(FRIDAY), first.latest());
    }

    @Test
    void shouldLetALaterLoadReplaceARate() {
        RateBook book = RateBook.EMPTY.with(List.of(rates(FRIDAY, "USD", "1.1")))
                .with(List.of(rates(FRIDAY, "USD", "1.0625")));
        assertEquals(dec("106.25"), amount(book, "100", "EUR", "USD", FRIDAY));
    }

    @Test
    void shouldCountEachDayAndCurrencyOnce() {
        RateBook book = RateBook.EMPTY.with(List.of(rates(FRIDAY, "USD", "1.0625", "GBP", "0.88888")))
                .with(List.of(rates(FRIDAY, "USD", "1.0625"), rates(day("2023-02-20"), "USD", "1.0674")));
        assertEquals(3, book.size());
    }

    @Test
    void shouldHoldTheWholeHistory() {
        assertEquals(193_655, HISTORY.size());
        assertEquals(Optional.of(day("2023-02-21")), HISTORY.latest());
    }

    @Test
    void shouldRejectARateWithMoreThanSixDecimals() {
        List<DailyRates> tooPrecise = List.of(rates(FRIDAY, "USD", "1.0625001"));
        assertThrows(IllegalArgumentException.class, () -> RateBook.EMPTY.with(tooPrecise));
    }

    private static BigDecimal amount(RateBook book, String amount, String from, String to, LocalDate date) {
        return book.convert(dec(amount), from, to, date).orElseThrow().amount();
    }

    private static DailyRates rates(LocalDate date, String... currencyThenRate) {
        Map<String, BigDecimal> perEuro = new HashMap<>();
        for (int i = 0; i < currencyThenRate.length; i += 2) {
            perEuro.put(currencyThenRate[i], dec(currencyThenRate[i + 1]));
        }
        return new DailyRates(date, perEuro);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
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
