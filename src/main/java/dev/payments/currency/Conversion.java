package dev.payments.currency;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An amount converted to {@code currency}, with the rate (one unit of the source currency in it) and its date. */
public record Conversion(BigDecimal amount, String currency, BigDecimal rate, LocalDate rateDate) {
}
