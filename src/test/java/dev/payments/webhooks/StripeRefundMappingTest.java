package dev.payments.webhooks;

import static dev.payments.webhooks.Deliveries.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payments.payments.writing.Completeness;
import dev.payments.webhooks.providers.ProviderEvent;
import dev.payments.webhooks.providers.StripeEvents;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What Stripe's refunds and disputes map to, before anything is stored. */
class StripeRefundMappingTest {

    private static final String PAYMENT_INTENT = "pi_3RlHe1R7UUImIKwk0Xq1Yb2c";

    @Test
    void shouldMapAPartialRefundToTheChargesRefundedTotal() {
        ProviderEvent event = read(fixture("stripe", "charge.refunded.partial"));
        assertEquals(PAYMENT_INTENT, event.payment().transaction_id());
        assertEquals(new BigDecimal("29.99"), event.payment().amount());
        assertTrue(event.payment().refunded());
        assertEquals(new BigDecimal("10.00"), event.payment().refunded_amount());
        assertEquals(Instant.parse("2025-07-18T22:46:41Z"), event.refundedAt());
        assertEquals(Completeness.REFUND_ONLY, event.completeness());
        assertNull(event.increment());
    }

    @Test
    void shouldMapAWholeRefundToATotalEqualToTheAmount() {
        ProviderEvent event = read(fixture("stripe", "charge.refunded"));
        assertEquals(new BigDecimal("29.99"), event.payment().refunded_amount());
        assertEquals(event.payment().amount(), event.payment().refunded_amount());
    }

    @Test
    void shouldMapALaterPartialRefundToTheHigherTotal() {
        ProviderEvent event = read(fixture("stripe", "charge.refunded.partial.second"));
        assertEquals(new BigDecimal("25.00"), event.payment().refunded_amount());
        assertEquals(Instant.parse("2025-07-19T22:46:41Z"), event.refundedAt());
    }

    @Test
    void shouldConvertTheRefundedTotalWithTheCurrencysOwnExponent() {
        ProviderEvent event = read(fixture("stripe", "charge.refunded.partial").replace("\"usd\"", "\"jpy\""));
        assertEquals(new BigDecimal("1000"), event.payment().refunded_amount());
        assertEquals(new BigDecimal("2999"), event.payment().amount());
    }

    @Test
    void shouldIgnoreAChargeWithNothingRefunded() {
        ProviderEvent event = read(fixture("stripe", "charge.refunded.partial")
                .replace("\"amount_refunded\": 1000", "\"amount_refunded\": 0"));
        assertFalse(event.records());
        assertEquals("nothing was refunded (amount_refunded is 0)", event.ignoredBecause());
    }

    @Test
    void shouldMapALostDisputeToAnIncrementOfTheDisputedAmountKeyedByTheDispute() {
        ProviderEvent event = read(fixture("stripe", "charge.dispute.closed.lost"));
        assertEquals(PAYMENT_INTENT, event.payment().transaction_id());
        assertTrue(event.payment().refunded());
        assertEquals(new BigDecimal("19.99"), event.payment().refunded_amount());
        assertEquals(new ProviderEvent.RefundIncrement("du_1RlZc3R7UUImIKwkL5mN7pQr", new BigDecimal("19.99")),
                event.increment());
        assertEquals(Instant.parse("2025-08-06T15:00:01Z"), event.refundedAt());
        assertEquals(Completeness.REFUND_ONLY, event.completeness());
    }

    @Test
    void shouldConvertTheDisputedAmountWithTheCurrencysOwnExponent() {
        ProviderEvent event = read(fixture("stripe", "charge.dispute.closed.lost").replace("\"usd\"", "\"bhd\""));
        assertEquals(new BigDecimal("1.999"), event.increment().amount());
    }

    @Test
    void shouldRecordADisputeOfAnExpandedChargeUnderItsInvoice() {
        ProviderEvent event = read(fixture("stripe", "charge.dispute.closed.lost").replace(
                "\"charge\": \"ch_3RlHe1R7UUImIKwk0dQ8nZ4s\"",
                "\"charge\": {\"id\": \"ch_3RlHe1R7UUImIKwk0dQ8nZ4s\", \"invoice\": \"in_1RlHf2R7UUImIKwkA8bC9dEf\"}"));
        assertEquals("in_1RlHf2R7UUImIKwkA8bC9dEf", event.payment().transaction_id());
    }

    @Test
    void shouldIgnoreAWonDispute() {
        ProviderEvent event = read(fixture("stripe", "charge.dispute.closed.won"));
        assertFalse(event.records());
        assertEquals("the dispute is won, not lost", event.ignoredBecause());
    }

    @Test
    void shouldIgnoreADisputeClosedAsAWarning() {
        ProviderEvent event = read(fixture("stripe", "charge.dispute.closed.lost")
                .replace("\"status\": \"lost\"", "\"status\": \"warning_closed\""));
        assertEquals("the dispute is warning_closed, not lost", event.ignoredBecause());
    }

    @Test
    void shouldNotUseDisputesWhoseFundsAreOnlyWithdrawn() {
        ProviderEvent event = read(fixture("stripe", "charge.dispute.closed.lost")
                .replace("\"type\": \"charge.dispute.closed\"", "\"type\": \"charge.dispute.funds_withdrawn\""));
        assertFalse(event.records());
        assertNull(event.ignoredBecause());
    }

    private static ProviderEvent read(String body) {
        try {
            return new StripeEvents().read(new ObjectMapper().readTree(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
