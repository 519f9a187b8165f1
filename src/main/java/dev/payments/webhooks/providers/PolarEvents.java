package dev.payments.webhooks.providers;

import static dev.payments.webhooks.providers.EventFields.at;
import static dev.payments.webhooks.providers.EventFields.instant;
import static dev.payments.webhooks.providers.EventFields.is;
import static dev.payments.webhooks.providers.EventFields.minorUnits;
import static dev.payments.webhooks.providers.EventFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.payments.payments.writing.Completeness;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Polar: Standard Webhooks, verified by its library; paid and refunded orders (whole or partial), the visitor from
 * metadata.
 */
public final class PolarEvents implements ProviderEvents {

    @Override
    public void verify(String body, Map<String, List<String>> headers, String secret) {
        try {
            // Polar's own SDKs key the HMAC with the secret's bytes as shown (they base64 them for the library)
            new Webhook(secret.getBytes(StandardCharsets.UTF_8)).verify(body, headers);
        } catch (WebhookVerificationException | EmptyWebhookSecretException e) {
            throw new InvalidSignature("webhook-signature: " + e.getMessage());
        }
    }

    @Override
    public String eventId(JsonNode event, Map<String, List<String>> headers, byte[] body) {
        return EventFields.header(headers, "webhook-id");
    }

    @Override
    public String type(JsonNode event) {
        return text(event, "type");
    }

    @Override
    public ProviderEvent read(JsonNode event) {
        String type = type(event);
        JsonNode order = at(event, "data");
        return switch (type == null ? "" : type) {
            case "order.paid" -> ProviderEvent.payment(type, draft(order)
                    .renewal(is(order, "billing_reason", "subscription_cycle")).toRequest(), Completeness.PAYMENT);
            case "order.refunded" -> refund(type, order, instant(event, "timestamp"));
            default -> ProviderEvent.unused(type);
        };
    }

    /**
     * An order's refunds: {@code refunded_amount} is the total refunded so far before tax and
     * {@code refunded_tax_amount} its tax, so that their sum is the part of {@code total_amount} refunded.
     */
    private static ProviderEvent refund(String type, JsonNode order, Instant timestamp) {
        String currency = text(order, "currency");
        BigDecimal refunded = minorUnits(order, "refunded_amount", currency);
        if (at(order, "refunded_tax_amount").isIntegralNumber()) {
            refunded = refunded.add(minorUnits(order, "refunded_tax_amount", currency));
        }
        if (refunded.signum() <= 0) {
            return ProviderEvent.ignored(type, "nothing was refunded (refunded_amount is "
                    + text(order, "refunded_amount") + ")");
        }
        Instant modified = instant(order, "modified_at");
        return ProviderEvent.refund(type, draft(order).refunded(refunded).toRequest(),
                modified != null ? modified : timestamp);
    }

    private static PaymentDraft draft(JsonNode order) {
        String currency = text(order, "currency");
        return new PaymentDraft(text(order, "id"), minorUnits(order, "total_amount", currency), currency,
                instant(order, "created_at"))
                // a renewal's order may carry the checkout's metadata on its subscription only
                .attribution(at(order, "metadata").has("datafast_visitor_id") ? at(order, "metadata")
                        : at(order, "subscription", "metadata"))
                .customer(text(order, "customer", "email"), text(order, "customer", "name"),
                        text(order, "customer_id"));
    }
}
