package dev.payments.webhooks.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading the fields of providers' events: absent, null and mistyped fields read as null. */
public final class EventFields {

    private EventFields() {
    }

    /** The text at {@code path}, or null; numbers (some providers' ids) are read as their text. */
    public static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isTextual() || value.isIntegralNumber() ? value.asText() : null;
    }

    /** An id that may be given as a string or as the expanded object carrying it. */
    static String id(JsonNode node, String field) {
        JsonNode value = at(node, field);
        return value.isObject() ? text(value, "id") : text(value);
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            current = current == null ? null : current.path(step);
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    static boolean is(JsonNode node, String field, String value) {
        return value.equals(text(node, field));
    }

    /** Unix seconds, or null. */
    public static Instant epochSeconds(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isIntegralNumber() ? Instant.ofEpochSecond(value.asLong()) : null;
    }

    /** An ISO 8601 instant, or null. */
    static Instant instant(JsonNode node, String... path) {
        String value = text(node, path);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * An amount in the currency's minor units (a JSON integer, or a string of digits as Paddle sends) as an amount in
     * the currency itself, with the currency's own exponent (JPY 0, USD 2, BHD 3).
     *
     * @throws IllegalArgumentException when it is not a whole number of minor units or the currency has no exponent
     */
    static BigDecimal minorUnits(JsonNode node, String field, String currency) {
        JsonNode value = at(node, field);
        BigInteger units;
        if (value.isIntegralNumber()) {
            units = value.bigIntegerValue();
        } else if (value.isTextual() && value.asText().matches("-?[0-9]{1,30}")) {
            units = new BigInteger(value.asText());
        } else {
            throw new IllegalArgumentException(field + " must be a whole number of minor units");
        }
        if (currency == null) {
            throw new IllegalArgumentException("the event names no currency");
        }
        int exponent;
        try {
            exponent = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency " + currency + " is not an ISO 4217 code");
        }
        if (exponent < 0) {
            throw new IllegalArgumentException("currency " + currency + " has no minor units");
        }
        return new BigDecimal(units, exponent);
    }

    /** A header's first value, whatever the case of its name. */
    static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
