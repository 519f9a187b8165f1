package dev.payments.webhooks.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A provider's webhook scheme: how its deliveries are signed, and what its events record. */
public interface ProviderEvents {

    /** Tolerance for signed timestamps, as contract section 8 says. */
    long TOLERANCE_SECONDS = 300;

    /**
     * Checks the delivery's signature over the raw body with the website's signing secret.
     *
     * @throws InvalidSignature when it is missing, wrong or too old
     */
    void verify(String body, Map<String, List<String>> headers, String secret);

    /**
     * The id the provider gives the event, the same in each of its deliveries; null when it names none (the body's
     * SHA-256 then stands for it).
     */
    String eventId(JsonNode event, Map<String, List<String>> headers, byte[] body);

    /** The event's type, as the provider names it; null when it names none. */
    String type(JsonNode event);

    /**
     * What a verified event records, if anything.
     *
     * @throws IllegalArgumentException when its amount cannot be read (not whole minor units, no ISO currency)
     */
    ProviderEvent read(JsonNode event);

    /** A delivery that does not prove it comes from the provider. */
    final class InvalidSignature extends RuntimeException {

        InvalidSignature(String message) {
            super(message, null, false, false);
        }
    }
}
