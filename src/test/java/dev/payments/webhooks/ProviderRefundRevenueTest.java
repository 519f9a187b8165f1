package dev.payments.webhooks;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.connect;
import static dev.payments.webhooks.Deliveries.deliver;
import static dev.payments.webhooks.Deliveries.fixture;
import static org.hamcrest.Matchers.equalTo;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A provider's partial refunds and lost disputes in GET /api/v1/revenue: each at the time of its own event. */
@QuarkusTest
class ProviderRefundRevenueTest {

    private TestWebsite site;
    private String secret;

    @BeforeEach
    void connectStripe() {
        site = website();
        secret = connect(site.id(), "stripe");
    }

    @Test
    void shouldCountEachPartialRefundOnTheDayOfItsEvent() {
        send("checkout.session.completed.payment"); // 29.99 on 2025-07-15
        send("charge.refunded.partial"); // 10 of it on 2025-07-18
        send("charge.refunded.partial.second"); // 25 of it on 2025-07-19
        revenue("2025-07-15T00:00:00Z", "2025-07-19T23:59:59Z")
                .body("data[0].timeseries.refund", equalTo(List.of(0, 0, 0, 10, 15)))
                .body("data[0].totals.refunds", equalTo(2))
                .body("data[0].totals.net", equalTo(new BigDecimal("4.99")));
    }

    @Test
    void shouldCountTheTotalOnceWhenPartialRefundsArriveInReverseOrder() {
        send("checkout.session.completed.payment");
        send("charge.refunded.partial.second");
        send("charge.refunded.partial");
        revenue("2025-07-15T00:00:00Z", "2025-07-19T23:59:59Z")
                .body("data[0].timeseries.refund", equalTo(List.of(0, 0, 0, 0, 25)))
                .body("data[0].totals.refunds", equalTo(1));
    }

    @Test
    void shouldAddALostDisputeOnTheDayItClosed() {
        send("checkout.session.completed.payment");
        send("charge.refunded.partial"); // 10 on 2025-07-18
        send("charge.dispute.closed.lost"); // 19.99 on 2025-08-06
        revenue("2025-07-01T00:00:00Z", "2025-08-31T23:59:59Z", "week")
                .body("data[0].totals.refund", equalTo(new BigDecimal("29.99")))
                .body("data[0].totals.refunds", equalTo(2))
                .body("data[0].totals.net", equalTo(0))
                .body("data[0].timeseries.find { it.start == '2025-08-04T00:00:00Z' }.refund",
                        equalTo(new BigDecimal("19.99")));
    }

    private void send(String name) {
        deliver("stripe", site.id(), secret, fixture("stripe", name)).statusCode(200);
    }

    private ValidatableResponse revenue(String start, String end) {
        return revenue(start, end, "day");
    }

    private ValidatableResponse revenue(String start, String end, String interval) {
        return as(site.key()).queryParam("startAt", start).queryParam("endAt", end).queryParam("interval", interval)
                .queryParam("timezone", "UTC").get("/api/v1/revenue").then().statusCode(200);
    }
}
