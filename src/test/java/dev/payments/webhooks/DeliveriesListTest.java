package dev.payments.webhooks;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.connect;
import static dev.payments.webhooks.Deliveries.deliver;
import static dev.payments.webhooks.Deliveries.fixture;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 8: a provider's latest deliveries, newest first, for troubleshooting, never personal data. */
@QuarkusTest
class DeliveriesListTest {

    private static final String PATH = "/api/v1/admin/websites/{id}/integrations/{provider}/deliveries";

    @Test
    void shouldListTheDeliveriesNewestFirst() {
        String websiteId = website().id();
        String secret = connect(websiteId, "stripe");
        deliver("stripe", websiteId, secret, fixture("stripe", "checkout.session.completed.payment")).statusCode(200);
        deliver("stripe", websiteId, secret, fixture("stripe", "payment_intent.created")).statusCode(200);
        list(BOOTSTRAP, websiteId, "stripe").statusCode(200)
                .body("status", equalTo("success"))
                .body("data.type", equalTo(List.of("payment_intent.created", "checkout.session.completed")))
                .body("data.eventId", equalTo(List.of("evt_3RlKa1R7UUImIKwk1Lp0Xs2D", "evt_1RlHe3R7UUImIKwkQOxX4eYe")))
                .body("data.outcome", equalTo(List.of("unused", "recorded")))
                .body("data[1].message", equalTo("Payment recorded"))
                .body("data[1].transactionId", equalTo("pi_3RlHe1R7UUImIKwk0Xq1Yb2c"))
                .body("data[1].receivedAt", notNullValue());
    }

    @Test
    void shouldNeverListTheBodysPersonalDataNorTheSecret() {
        String websiteId = website().id();
        String secret = connect(websiteId, "stripe");
        deliver("stripe", websiteId, secret, fixture("stripe", "checkout.session.completed.payment")).statusCode(200);
        list(BOOTSTRAP, websiteId, "stripe").statusCode(200)
                .body("data", hasSize(1))
                .body(not(containsString("jenny.rosen@example.com")))
                .body(not(containsString("Jenny Rosen")))
                .body(not(containsString(secret)));
    }

    @Test
    void shouldListARedeliveryAsDuplicate() {
        String websiteId = website().id();
        String secret = connect(websiteId, "paddle");
        String body = fixture("paddle", "transaction.completed");
        deliver("paddle", websiteId, secret, body).statusCode(200);
        deliver("paddle", websiteId, secret, body).statusCode(200);
        list(BOOTSTRAP, websiteId, "paddle").statusCode(200)
                .body("data.outcome", equalTo(List.of("duplicate", "recorded")))
                .body("data.eventId", equalTo(List.of("ntf_01k07x5c5e7g9j1l3n5q7s9u1w",
                        "ntf_01k07x5c5e7g9j1l3n5q7s9u1w")));
    }

    @Test
    void shouldNotListDeliveriesThatDidNotVerify() {
        String websiteId = website().id();
        connect(websiteId, "lemonsqueezy");
        deliver("lemonsqueezy", websiteId, "not-the-secret", fixture("lemonsqueezy", "order_created"))
                .statusCode(400);
        list(BOOTSTRAP, websiteId, "lemonsqueezy").statusCode(200).body("data", hasSize(0));
    }

    @Test
    void shouldOnlyListTheProviderAsked() {
        String websiteId = website().id();
        deliver("polar", websiteId, connect(websiteId, "polar"), fixture("polar", "order.paid")).statusCode(200);
        connect(websiteId, "paddle");
        list(BOOTSTRAP, websiteId, "paddle").statusCode(200).body("data", hasSize(0));
    }

    @Test
    void shouldNeedWebsitesRead() {
        String websiteId = website().id();
        connect(websiteId, "stripe");
        list(token(List.of("payments:read", "payments:write")), websiteId, "stripe").statusCode(403)
                .body("error.code", equalTo(403))
                .body("error.message", containsString("websites:read"));
    }

    @Test
    void shouldAnswer404ForAProviderNotConnected() {
        list(BOOTSTRAP, website().id(), "polar").statusCode(404)
                .body("error.code", equalTo(404));
    }

    @Test
    void shouldAnswer404ForAnUnknownProvider() {
        list(BOOTSTRAP, website().id(), "square").statusCode(404)
                .body("error.message", startsWith("unknown provider square"));
    }

    private static ValidatableResponse list(String token, String websiteId, String provider) {
        return as(token).get(PATH, websiteId, provider).then();
    }
}
