package dev.payments.webhooks.providers;

import static dev.payments.webhooks.providers.EventFields.at;
import static dev.payments.webhooks.providers.EventFields.epochSeconds;
import static dev.payments.webhooks.providers.EventFields.id;
import static dev.payments.webhooks.providers.EventFields.is;
import static dev.payments.webhooks.providers.EventFields.minorUnits;
import static dev.payments.webhooks.providers.EventFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.payments.payments.writing.Completeness;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Stripe: Stripe-Signature verified by Stripe's own library; checkouts, invoices, refunds (whole or partial), lost
 * disputes and trials.
 */
public final class StripeEvents implements ProviderEvents {

    @Override
    public void verify(String body, Map<String, List<String>> headers, String secret) {
        String signature = EventFields.header(headers, "Stripe-Signature");
        if (signature == null) {
            throw new InvalidSignature("missing Stripe-Signature header");
        }
        try {
            Webhook.Signature.verifyHeader(body, signature, secret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            throw new InvalidSignature("Stripe-Signature: " + e.getMessage());
        } catch (RuntimeException e) {
            // a timestamp that is not a number
            throw new InvalidSignature("Stripe-Signature is malformed");
        }
    }

    @Override
    public String eventId(JsonNode event, Map<String, List<String>> headers, byte[] body) {
        return text(event, "id");
    }

    @Override
    public String type(JsonNode event) {
        return text(event, "type");
    }

    @Override
    public ProviderEvent read(JsonNode event) {
        String type = type(event);
        JsonNode object = at(event, "data", "object");
        Instant created = epochSeconds(event, "created");
        return switch (type == null ? "" : type) {
            case "checkout.session.completed" -> checkout(type, object, created);
            case "invoice.paid" -> invoice(type, object, created);
            case "charge.refunded" -> refund(type, object, created);
            case "charge.dispute.closed" -> dispute(type, object, created);
            case "customer.subscription.created" -> trial(type, object);
            default -> ProviderEvent.unused(type);
        };
    }

    public static ProviderEvent checkout(String type, JsonNode session, Instant created) {
        if (!is(session, "payment_status", "paid")) {
            return ProviderEvent.ignored(type, "payment_status is " + text(session, "payment_status") + ", not paid");
        }
        String paymentIntent = id(session, "payment_intent");
        String transactionId = paymentIntent != null ? paymentIntent : id(session, "invoice");
        if (transactionId == null) {
            return ProviderEvent.ignored(type, "the session has neither a payment_intent nor an invoice");
        }
        String currency = text(session, "currency");
        PaymentDraft draft = new PaymentDraft(transactionId, minorUnits(session, "amount_total", currency), currency,
                created).attribution(at(session, "metadata"))
                .customer(text(session, "customer_details", "email"), text(session, "customer_details", "name"),
                        id(session, "customer"));
        // a subscription's payment is its invoice: invoice.paid knows it better than the checkout does
        return ProviderEvent.payment(type, draft.toRequest(),
                paymentIntent != null ? Completeness.PAYMENT : Completeness.CHECKOUT);
    }

    public static ProviderEvent invoice(String type, JsonNode invoice, Instant created) {
        String currency = text(invoice, "currency");
        BigDecimal paid = minorUnits(invoice, "amount_paid", currency);
        if (paid.signum() == 0) {
            return ProviderEvent.ignored(type, "nothing was paid (a trial's invoice is recorded from "
                    + "customer.subscription.created)");
        }
        Instant paidAt = epochSeconds(invoice, "status_transitions", "paid_at");
        // API versions from 2025-03-31 carry the subscription's metadata under parent, earlier ones at the top
        JsonNode metadata = at(invoice, "parent", "subscription_details", "metadata");
        if (!metadata.isObject()) {
            metadata = at(invoice, "subscription_details", "metadata");
        }
        PaymentDraft draft = new PaymentDraft(text(invoice, "id"), paid, currency, paidAt != null ? paidAt : created)
                .attribution(metadata)
                .customer(text(invoice, "customer_email"), text(invoice, "customer_name"), id(invoice, "customer"))
                .renewal(is(invoice, "billing_reason", "subscription_cycle"));
        return ProviderEvent.payment(type, draft.toRequest(), Completeness.PAYMENT);
    }

    /** A charge's refunds: {@code amount_refunded} is the total refunded so far, whole or partial. */
    public static ProviderEvent refund(String type, JsonNode charge, Instant created) {
        String currency = text(charge, "currency");
        BigDecimal amount = minorUnits(charge, "amount", currency);
        BigDecimal refunded = minorUnits(charge, "amount_refunded", currency);
        if (refunded.signum() <= 0) {
            return ProviderEvent.ignored(type, "nothing was refunded (amount_refunded is " + text(charge,
                    "amount_refunded") + ")");
        }
        // the invoice's payment is recorded under the invoice; API versions from 2025-03-31 no longer link it
        String invoice = id(charge, "invoice");
        String transactionId = invoice != null ? invoice : id(charge, "payment_intent");
        if (transactionId == null) {
            return ProviderEvent.ignored(type, "the charge has neither a payment_intent nor an invoice");
        }
        PaymentDraft draft = new PaymentDraft(transactionId, amount, currency, epochSeconds(charge, "created"))
                .attribution(at(charge, "metadata"))
                .customer(text(charge, "billing_details", "email"), text(charge, "billing_details", "name"),
                        id(charge, "customer"))
                .refunded(refunded);
        return ProviderEvent.refund(type, draft.toRequest(), created);
    }

    /**
     * A closed dispute: lost, its amount is taken back from the payment, on top of whatever the charge's refunds took
     * (which the dispute does not state, so it is an increment, counted once per dispute id). Won or closed as a
     * warning, nothing was taken.
     */
    public static ProviderEvent dispute(String type, JsonNode dispute, Instant created) {
        if (!is(dispute, "status", "lost")) {
            return ProviderEvent.ignored(type, "the dispute is " + text(dispute, "status") + ", not lost");
        }
        // the dispute names no invoice: an expanded charge may
        String invoice = id(at(dispute, "charge"), "invoice");
        String transactionId = invoice != null ? invoice : id(dispute, "payment_intent");
        if (transactionId == null) {
            return ProviderEvent.ignored(type, "the dispute names no payment_intent");
        }
        String currency = text(dispute, "currency");
        BigDecimal disputed = minorUnits(dispute, "amount", currency);
        // a refund known before its payment holds the disputed amount until the payment itself arrives
        PaymentDraft draft = new PaymentDraft(transactionId, disputed, currency, epochSeconds(dispute, "created"))
                .attribution(at(dispute, "metadata"))
                .refunded(disputed);
        return ProviderEvent.refund(type, draft.toRequest(), created,
                new ProviderEvent.RefundIncrement(text(dispute, "id"), disputed));
    }

    private static ProviderEvent trial(String type, JsonNode subscription) {
        if (!is(subscription, "status", "trialing")) {
            return ProviderEvent.ignored(type, "status is " + text(subscription, "status") + ", not trialing");
        }
        Instant trialStart = epochSeconds(subscription, "trial_start");
        String currency = text(subscription, "currency");
        PaymentDraft draft = new PaymentDraft(text(subscription, "id"), BigDecimal.ZERO, currency,
                trialStart != null ? trialStart : epochSeconds(subscription, "created"))
                .attribution(at(subscription, "metadata"))
                .customer(null, null, id(subscription, "customer"))
                .freeTrial();
        return ProviderEvent.payment(type, draft.toRequest(), Completeness.PAYMENT);
    }
}
