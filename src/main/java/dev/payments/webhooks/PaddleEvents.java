package dev.payments.webhooks;

import static dev.payments.webhooks.EventFields.at;
import static dev.payments.webhooks.EventFields.instant;
import static dev.payments.webhooks.EventFields.is;
import static dev.payments.webhooks.EventFields.minorUnits;
import static dev.payments.webhooks.EventFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payments.payments.Completeness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paddle Billing: Paddle-Signature {@code ts=…;h1=…}, the hex HMAC-SHA256 of {@code ts:body} (several h1 while a secret
 * is rotated); completed transactions and approved full refunds, the visitor from custom_data.
 */
final class PaddleEvents implements ProviderEvents {

    /** h1 entries one header may carry (Paddle sends two while a secret is rotated); more are refused unchecked. */
    private static final int MAX_SIGNATURES = 8;

    @Override
    public void verify(String body, Map<String, List<String>> headers, String secret) {
        String header = EventFields.header(headers, "Paddle-Signature");
        if (header == null) {
            throw new InvalidSignature("missing Paddle-Signature header");
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(";")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("ts")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("h1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || !timestamp.matches("[0-9]{1,12}") || signatures.isEmpty()) {
            throw new InvalidSignature("Paddle-Signature must be ts=<unix time>;h1=<hex signature>");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new InvalidSignature("Paddle-Signature has too many signatures: at most " + MAX_SIGNATURES + " h1");
        }
        String expected = HexHmac.hex(secret, timestamp + ":" + body);
        if (signatures.stream().noneMatch(signature -> HexHmac.equal(expected, signature))) {
            throw new InvalidSignature("Paddle-Signature does not match the body");
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
            throw new InvalidSignature("Paddle-Signature's timestamp is more than 5 minutes away");
        }
    }

    @Override
    public String eventId(JsonNode event, Map<String, List<String>> headers, byte[] body) {
        return text(event, "notification_id");
    }

    @Override
    public String type(JsonNode event) {
        return text(event, "event_type");
    }

    @Override
    public ProviderEvent read(JsonNode event) {
        String type = type(event);
        JsonNode data = at(event, "data");
        return switch (type == null ? "" : type) {
            case "transaction.completed" -> {
                String currency = text(data, "currency_code");
                Instant billed = instant(data, "billed_at");
                PaymentDraft draft = new PaymentDraft(text(data, "id"),
                        minorUnits(at(data, "details", "totals"), "grand_total", currency), currency,
                        billed != null ? billed : instant(data, "created_at"))
                        .attribution(at(data, "custom_data"))
                        .customer(null, null, text(data, "customer_id"))
                        .renewal(is(data, "origin", "subscription_recurring"));
                yield ProviderEvent.payment(type, draft.toRequest(), Completeness.PAYMENT);
            }
            case "adjustment.created", "adjustment.updated" -> refund(type, data);
            default -> ProviderEvent.unused(type);
        };
    }

    private static ProviderEvent refund(String type, JsonNode adjustment) {
        if (!is(adjustment, "action", "refund") || !is(adjustment, "type", "full")) {
            return ProviderEvent.ignored(type, "not a full refund (action " + text(adjustment, "action") + ", type "
                    + text(adjustment, "type") + ")");
        }
        if (!is(adjustment, "status", "approved")) {
            return ProviderEvent.ignored(type, "the refund is " + text(adjustment, "status") + ", not approved");
        }
        String currency = text(adjustment, "currency_code");
        PaymentDraft draft = new PaymentDraft(text(adjustment, "transaction_id"),
                minorUnits(at(adjustment, "totals"), "total", currency), currency, instant(adjustment, "created_at"))
                .customer(null, null, text(adjustment, "customer_id"))
                .refunded();
        return ProviderEvent.refund(type, draft.toRequest(), instant(adjustment, "updated_at"));
    }
}
