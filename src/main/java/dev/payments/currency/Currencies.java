package dev.payments.currency;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** ISO 4217 currency codes: accepted in any case, stored upper case. */
public final class Currencies {

    /** Codes that name no real currency: testing and "no currency". */
    private static final Set<String> NOT_CURRENCIES = Set.of("XTS", "XXX");

    private static final Set<String> KNOWN = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .filter(code -> !NOT_CURRENCIES.contains(code))
            .collect(Collectors.toUnmodifiableSet());

    private Currencies() {
    }

    public static boolean isKnown(String code) {
        return code != null && KNOWN.contains(normalize(code));
    }

    public static String normalize(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
