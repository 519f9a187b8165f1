package dev.payments.webhooks.stripeimport;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.stripeimport.ImportCalls.PATH;
import static dev.payments.webhooks.stripeimport.ImportCalls.PATIENCE;
import static dev.payments.webhooks.stripeimport.ImportCalls.finished;
import static dev.payments.webhooks.stripeimport.ImportCalls.invoice;
import static dev.payments.webhooks.stripeimport.ImportCalls.key;
import static dev.payments.webhooks.stripeimport.ImportCalls.start;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.LogCapture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What a Stripe import leaves in the database and the log, read in-process. */
@QuarkusTest
@TestProfile(AgainstFakeStripe.class)
class StripeImportStorageTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldNeverStoreNorLogTheKey() throws SQLException {
        String websiteId = website().id();
        String key = key();
        FakeStripe.account(key).with("/v1/invoices", invoice(1, "in_key")).fault(500);
        try (LogCapture logs = LogCapture.of("")) {
            start(websiteId, key).statusCode(202).body(not(containsString(key)));
            finished(websiteId).body("data[0].state", equalTo("done")).body(not(containsString(key)));
            assertTrue(logs.await(PATIENCE, line -> String.valueOf(line.message()).contains(websiteId + " ended")));
            assertTrue(logs.lines().stream().noneMatch(line -> String.valueOf(line.message()).contains(key)));
        }
        assertFalse(storedRowMentions(websiteId, key));
    }

    @Test
    void shouldTakeAStaleRunningImportAsFailed() throws SQLException {
        String websiteId = website().id();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into stripe_import (id, website_id,"
                        + " state, started_at, heartbeat_at) values (?, ?, 'running', now() - interval '1 hour',"
                        + " now() - interval '1 hour')")) {
            insert.setString(1, unique("s").substring(0, 20));
            insert.setString(2, websiteId);
            insert.executeUpdate();
        }
        as(BOOTSTRAP).get(PATH, websiteId).then().statusCode(200)
                .body("data[0].state", equalTo("failed"))
                .body("data[0].reason", containsString("stopped"));
        String key = key();
        FakeStripe.account(key);
        start(websiteId, key).statusCode(202);
        finished(websiteId).body("data[0].state", equalTo("done"));
    }

    private boolean storedRowMentions(String websiteId, String text) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select count(*) from stripe_import t where website_id = ? and t::text like ?")) {
            select.setString(1, websiteId);
            select.setString(2, "%" + text + "%");
            try (ResultSet count = select.executeQuery()) {
                count.next();
                return count.getInt(1) > 0;
            }
        }
    }
}
