package dev.payments.webhooks;

import static dev.payments.webhooks.Deliveries.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payments.webhooks.providers.LemonSqueezyEvents;
import dev.payments.webhooks.providers.PaddleEvents;
import dev.payments.webhooks.providers.PolarEvents;
import dev.payments.webhooks.providers.ProviderEvent;
import dev.payments.webhooks.providers.ProviderEvents;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What Lemon Squeezy's, Polar's and Paddle's refunds map to, before anything is stored. */
class RefundMappingTest {

    @Test
    void shouldMapALemonSqueezyPartialRefundToTheOrdersRefundedTotalDatedByItsUpdate() {
        ProviderEvent event = read(new LemonSqueezyEvents(), fixture("lemonsqueezy", "order_refunded.partial"));
        assertEquals("5734121", event.payment().transaction_id());
        assertTrue(event.payment().refunded());
        assertEquals(new BigDecimal("10.00"), event.payment().refunded_amount());
        assertEquals(new BigDecimal("29.99"), event.payment().amount());
        assertEquals(Instant.parse("2025-07-18T09:12:31Z"), event.refundedAt());
        assertNull(event.increment());
    }

    @Test
    void shouldMapALemonSqueezyWholeRefundToTheTotalDatedByRefundedAt() {
        ProviderEvent event = read(new LemonSqueezyEvents(), fixture("lemonsqueezy", "order_refunded")
                .replace("\"updated_at\": \"2025-07-18T09:12:31.000000Z\"",
                        "\"updated_at\": \"2025-07-20T00:00:00.000000Z\""));
        assertEquals(new BigDecimal("29.99"), event.payment().refunded_amount());
        assertEquals(Instant.parse("2025-07-18T09:12:31Z"), event.refundedAt());
    }

    @Test
    void shouldConvertALemonSqueezyRefundedTotalWithTheCurrencysOwnExponent() {
        ProviderEvent event = read(new LemonSqueezyEvents(), fixture("lemonsqueezy", "order_refunded.partial")
                .replace("\"USD\"", "\"JPY\""));
        assertEquals(new BigDecimal("1000"), event.payment().refunded_amount());
    }

    @Test
    void shouldIgnoreALemonSqueezyOrderWithNothingRefunded() {
        ProviderEvent event = read(new LemonSqueezyEvents(), fixture("lemonsqueezy", "order_refunded.partial")
                .replace("\"refunded_amount\": 1000", "\"refunded_amount\": 0"));
        assertFalse(event.records());
        assertEquals("nothing was refunded (refunded_amount is 0)", event.ignoredBecause());
    }

    @Test
    void shouldMapAPolarPartialRefundToTheOrdersRefundedTotal() {
        ProviderEvent event = read(new PolarEvents(), fixture("polar", "order.refunded.partial"));
        assertEquals("b5a2c3e1-8f4d-4c7a-9e2b-6d1f0a3c5e87", event.payment().transaction_id());
        assertEquals(new BigDecimal("10.00"), event.payment().refunded_amount());
        assertEquals(Instant.parse("2025-07-18T09:12:30.884120Z"), event.refundedAt());
        assertNull(event.increment());
    }

    @Test
    void shouldCountThePolarRefundsTaxInTheRefundedTotal() {
        ProviderEvent event = read(new PolarEvents(), fixture("polar", "order.refunded.partial")
                .replace("\"refunded_tax_amount\": 0", "\"refunded_tax_amount\": 80"));
        assertEquals(new BigDecimal("10.80"), event.payment().refunded_amount());
    }

    @Test
    void shouldConvertAPolarRefundedTotalWithTheCurrencysOwnExponent() {
        ProviderEvent event = read(new PolarEvents(), fixture("polar", "order.refunded.partial")
                .replace("\"usd\"", "\"bhd\""));
        assertEquals(new BigDecimal("1.000"), event.payment().refunded_amount());
    }

    @Test
    void shouldMapAPaddlePartialRefundToAnIncrementKeyedByTheAdjustment() {
        ProviderEvent event = read(new PaddleEvents(), fixture("paddle", "adjustment.updated.partial"));
        assertEquals("txn_01k07x4a7b3c9d2e5f8g1h4j6k", event.payment().transaction_id());
        assertTrue(event.payment().refunded());
        assertEquals(new BigDecimal("10.00"), event.payment().refunded_amount());
        assertEquals(new ProviderEvent.RefundIncrement("adj_01k0e4p1a3c5e7g9j1l3n5q7s9", new BigDecimal("10.00")),
                event.increment());
        assertEquals(Instant.parse("2025-07-18T11:12:44.907512Z"), event.refundedAt());
    }

    @Test
    void shouldGiveTheSameIncrementWhenThePaddleAdjustmentArrivesAsCreatedAndAsUpdated() {
        String updated = fixture("paddle", "adjustment.updated.partial");
        String created = updated.replace("\"adjustment.updated\"", "\"adjustment.created\"");
        assertEquals(read(new PaddleEvents(), updated).increment(), read(new PaddleEvents(), created).increment());
    }

    @Test
    void shouldMapAPaddleFullRefundToAWholeRefundWithoutIncrement() {
        ProviderEvent event = read(new PaddleEvents(), fixture("paddle", "adjustment.updated"));
        assertTrue(event.payment().refunded());
        assertNull(event.payment().refunded_amount());
        assertNull(event.increment());
    }

    @Test
    void shouldIgnoreAPaddlePartialRefundThatWasRejected() {
        ProviderEvent event = read(new PaddleEvents(), fixture("paddle", "adjustment.updated.partial")
                .replace("\"status\": \"approved\"", "\"status\": \"rejected\""));
        assertEquals("the refund is rejected, not approved", event.ignoredBecause());
    }

    @Test
    void shouldIgnoreAPaddleCredit() {
        ProviderEvent event = read(new PaddleEvents(), fixture("paddle", "adjustment.updated.partial")
                .replace("\"action\": \"refund\"", "\"action\": \"credit\""));
        assertEquals("not a refund (action credit)", event.ignoredBecause());
    }

    @Test
    void shouldConvertAPaddleIncrementWithTheCurrencysOwnExponent() {
        ProviderEvent event = read(new PaddleEvents(), fixture("paddle", "adjustment.updated.partial")
                .replace("\"USD\"", "\"JPY\""));
        assertEquals(new BigDecimal("1000"), event.increment().amount());
    }

    private static ProviderEvent read(ProviderEvents provider, String body) {
        try {
            return provider.read(new ObjectMapper().readTree(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
