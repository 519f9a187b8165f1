package dev.payments.webhooks.providers;

import static dev.payments.webhooks.providers.EventFields.at;
import static dev.payments.webhooks.providers.EventFields.instant;
import static dev.payments.webhooks.providers.EventFields.is;
import static dev.payments.webhooks.providers.EventFields.minorUnits;
import static dev.payments.webhooks.providers.EventFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payments.payments.writing.Completeness;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paddle Billing: Paddle-Signature {@code ts=…;h1=…}, the hex HMAC-SHA256 of {@code ts:body} (several h1 while a secret
 * is rotated); completed transactions and approved refunds (whole or partial), the visitor from custom_data.
 */
public final class PaddleEvents implements ProviderEvents {

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

    /**
     * An approved refund adjustment of a transaction. A full one refunds the whole transaction; a partial one is its
     * own amount ({@code totals.total}), not a total so far, so it is an increment counted once per adjustment id,
     * whether it arrives as adjustment.created, adjustment.updated or both.
     */
    private static ProviderEvent refund(String type, JsonNode adjustment) {
        if (!is(adjustment, "action", "refund")) {
            return ProviderEvent.ignored(type, "not a refund (action " + text(adjustment, "action") + ")");
        }
        if (!is(adjustment, "status", "approved")) {
            return ProviderEvent.ignored(type, "the refund is " + text(adjustment, "status") + ", not approved");
        }
        boolean full = is(adjustment, "type", "full");
        if (!full && !is(adjustment, "type", "partial")) {
            return ProviderEvent.ignored(type, "a refund of type " + text(adjustment, "type")
                    + ", not full or partial");
        }
        String currency = text(adjustment, "currency_code");
        BigDecimal total = minorUnits(at(adjustment, "totals"), "total", currency);
        // a refund known before its transaction holds the adjustment's amount until the transaction itself arrives
        PaymentDraft draft = new PaymentDraft(text(adjustment, "transaction_id"), total, currency,
                instant(adjustment, "created_at"))
                .customer(null, null, text(adjustment, "customer_id"));
        Instant approvedAt = instant(adjustment, "updated_at");
        return full ? ProviderEvent.refund(type, draft.refunded().toRequest(), approvedAt)
                : ProviderEvent.refund(type, draft.refunded(total).toRequest(), approvedAt,
                        new ProviderEvent.RefundIncrement(text(adjustment, "id"), total));
    }
}
