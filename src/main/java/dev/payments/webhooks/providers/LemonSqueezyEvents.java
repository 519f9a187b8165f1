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
import java.util.List;
import java.util.Map;

/**
 * Lemon Squeezy: X-Signature, the hex HMAC-SHA256 of the body (no timestamp: the scheme has none); orders, subscription
 * payments and refunds (whole or partial), the visitor from meta.custom_data.
 */
public final class LemonSqueezyEvents implements ProviderEvents {

    @Override
    public void verify(String body, Map<String, List<String>> headers, String secret) {
        String signature = EventFields.header(headers, "X-Signature");
        if (signature == null) {
            throw new InvalidSignature("missing X-Signature header");
        }
        if (!HexHmac.matches(secret, body, signature)) {
            throw new InvalidSignature("X-Signature does not match the body");
        }
    }

    /** Lemon Squeezy sends no event id: a redelivery is the same body. */
    @Override
    public String eventId(JsonNode event, Map<String, List<String>> headers, byte[] body) {
        return HexHmac.sha256Hex(body);
    }

    @Override
    public String type(JsonNode event) {
        return text(event, "meta", "event_name");
    }

    @Override
    public ProviderEvent read(JsonNode event) {
        String type = type(event);
        JsonNode custom = at(event, "meta", "custom_data");
        JsonNode data = at(event, "data");
        JsonNode attributes = at(data, "attributes");
        return switch (type == null ? "" : type) {
            case "order_created" -> is(attributes, "status", "paid")
                    ? ProviderEvent.payment(type, draft(text(data, "id"), attributes, custom).toRequest(),
                            Completeness.PAYMENT)
                    : ProviderEvent.ignored(type, "status is " + text(attributes, "status") + ", not paid");
            case "subscription_payment_success" -> subscriptionPayment(type, data, attributes, custom);
            case "order_refunded" -> refund(type, text(data, "id"), attributes, custom);
            default -> ProviderEvent.unused(type);
        };
    }

    /** An order's refunds: {@code refunded_amount} is the total refunded so far, whole or partial. */
    private static ProviderEvent refund(String type, String orderId, JsonNode attributes, JsonNode custom) {
        BigDecimal refunded = minorUnits(attributes, "refunded_amount", text(attributes, "currency"));
        if (refunded.signum() <= 0) {
            return ProviderEvent.ignored(type, "nothing was refunded (refunded_amount is "
                    + text(attributes, "refunded_amount") + ")");
        }
        // refunded_at is set once the whole order is refunded; a partial refund is dated by the order's update
        Instant refundedAt = instant(attributes, "refunded_at");
        return ProviderEvent.refund(type, draft(orderId, attributes, custom).refunded(refunded).toRequest(),
                refundedAt != null ? refundedAt : instant(attributes, "updated_at"));
    }

    private static ProviderEvent subscriptionPayment(String type, JsonNode data, JsonNode attributes, JsonNode custom) {
        if (is(attributes, "billing_reason", "initial")) {
            // Lemon Squeezy sends order_created for the same first payment
            return ProviderEvent.ignored(type, "the first payment of a subscription is recorded from order_created");
        }
        // invoice ids and order ids are counted separately: the invoice's own is prefixed with its type
        PaymentDraft draft = draft(text(data, "type") + ":" + text(data, "id"), attributes, custom)
                .renewal(is(attributes, "billing_reason", "renewal"));
        return ProviderEvent.payment(type, draft.toRequest(), Completeness.PAYMENT);
    }

    private static PaymentDraft draft(String transactionId, JsonNode attributes, JsonNode custom) {
        String currency = text(attributes, "currency");
        return new PaymentDraft(transactionId, minorUnits(attributes, "total", currency), currency,
                instant(attributes, "created_at"))
                .attribution(custom)
                .customer(text(attributes, "user_email"), text(attributes, "user_name"),
                        text(attributes, "customer_id"));
    }
}
