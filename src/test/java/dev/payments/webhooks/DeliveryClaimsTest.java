package dev.payments.webhooks;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.connect;
import static dev.payments.webhooks.Deliveries.deliver;
import static dev.payments.webhooks.Deliveries.fixture;
import static dev.payments.webhooks.Deliveries.stored;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a claim on an event ends, in process (the claims and tombstones are written in the database directly): a failed
 * delivery leaves its event to the provider's retry, an abandoned claim is taken over, what is older than the
 * retention no longer keeps a delivery out, and a website deleted takes its deliveries and tombstones with it.
 */
@QuarkusTest
class DeliveryClaimsTest {

    private static final String EVENT = "evt_1RlHe3R7UUImIKwkQOxX4eYe";
    private static final String PAYMENT_INTENT = "pi_3RlHe1R7UUImIKwk0Xq1Yb2c";

    @Inject
    AgroalDataSource dataSource;

    private String websiteId;
    private String secret;

    @BeforeEach
    void connectStripe() {
        websiteId = website().id();
        secret = connect(websiteId, "stripe");
    }

    @Test
    void shouldProcessTheRetryOfADeliveryThatFailed() throws SQLException {
        String trigger = "fail_" + websiteId;
        sql("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                + "if new.website_id = '" + websiteId + "' then raise exception 'induced failure'; end if; "
                + "return new; end $$");
        try {
            sql("create trigger " + trigger + " before insert on payment for each row execute function " + trigger
                    + "()");
            send().statusCode(greaterThanOrEqualTo(500));
        } finally {
            sql("drop trigger if exists " + trigger + " on payment");
            sql("drop function " + trigger + "()");
        }
        send().statusCode(200).body("message", equalTo("Payment recorded"));
        stored(websiteId, PAYMENT_INTENT).body("data", hasSize(1));
    }

    @Test
    void shouldIgnoreADeliveryWhileItsEventIsBeingProcessed() throws SQLException {
        claim("processing", "now()");
        send().statusCode(200).body("message", equalTo("Event ignored"));
        stored(websiteId, PAYMENT_INTENT).body("data", hasSize(0));
    }

    @Test
    void shouldTakeOverAClaimAbandonedByAnInstanceThatStopped() throws SQLException {
        claim("processing", "now() - interval '3 minutes'");
        send().statusCode(200).body("message", equalTo("Payment recorded"));
    }

    @Test
    void shouldProcessAnEventProcessedLongerAgoThanTheRetention() throws SQLException {
        claim("recorded", "now() - interval '31 days'");
        send().statusCode(200).body("message", equalTo("Payment recorded"));
    }

    @Test
    void shouldRecordATransactionDeletedLongerAgoThanTheRetention() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into deleted_transaction "
                        + "(website_id, transaction_id, deleted_at) values (?, ?, now() - interval '31 days')")) {
            insert.setString(1, websiteId);
            insert.setString(2, PAYMENT_INTENT);
            insert.executeUpdate();
        }
        send().statusCode(200).body("message", equalTo("Payment recorded"));
    }

    @Test
    void shouldForgetTheDeliveriesAndTombstonesOfAWebsiteDeleted() throws SQLException {
        send().statusCode(200);
        as(BOOTSTRAP).queryParam("websiteId", websiteId).queryParam("transaction_id", PAYMENT_INTENT)
                .delete("/api/v1/payments").then().statusCode(200);
        as(BOOTSTRAP).delete("/api/v1/admin/websites/{id}", websiteId).then().statusCode(200);
        assertEquals(0, count("select count(*) from webhook_delivery where website_id = ?")
                + count("select count(*) from deleted_transaction where website_id = ?"));
    }

    private long count(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, websiteId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private ValidatableResponse send() {
        return deliver("stripe", websiteId, secret, fixture("stripe", "checkout.session.completed.payment"));
    }

    private void claim(String outcome, String receivedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into webhook_delivery "
                        + "(website_id, provider, event_id, event_type, outcome, received_at) "
                        + "values (?, 'stripe', ?, 'checkout.session.completed', ?, " + receivedAt + ")")) {
            insert.setString(1, websiteId);
            insert.setString(2, EVENT);
            insert.setString(3, outcome);
            insert.executeUpdate();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement run = connection.createStatement()) {
            run.execute(statement);
        }
    }
}
