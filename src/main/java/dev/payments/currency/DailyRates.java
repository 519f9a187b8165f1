package dev.payments.currency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/** One published day of ECB reference rates: units of each currency per 1 EUR (EUR itself is not listed). */
public record DailyRates(LocalDate date, Map<String, BigDecimal> perEuro) {

    public DailyRates {
        Objects.requireNonNull(date, "date");
        perEuro = Map.copyOf(perEuro);
    }
}
