package dev.payments.webhooks.deliveries;

import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pruning job, run in process on rows written directly: what is past the retention or the 1,000 kept goes. */
@QuarkusTest
class DeliveryPruningTest {

    @Inject
    DeliveryPruning pruning;

    @Inject
    AgroalDataSource dataSource;

    private String websiteId;

    @BeforeEach
    void newWebsite() {
        websiteId = website().id();
    }

    @Test
    void shouldRemoveDeliveriesOlderThanTheRetention() throws SQLException {
        deliveries("stripe", 1, "now() - interval '31 days'");
        deliveries("stripe", 1, "now() - interval '29 days'");
        pruning.prune(Instant.now());
        assertEquals(List.of("stripe-2"), eventIds("stripe"));
    }

    @Test
    void shouldRemoveDeletedTransactionsOlderThanTheRetention() throws SQLException {
        update("insert into deleted_transaction (website_id, transaction_id, deleted_at) values "
                + "(?, 'old', now() - interval '31 days'), (?, 'recent', now() - interval '29 days')");
        pruning.prune(Instant.now());
        assertEquals(List.of("recent"), strings("select transaction_id from deleted_transaction where website_id = ?"));
    }

    @Test
    void shouldKeepOnlyTheNewestThousandDeliveriesOfEachWebsiteAndProvider() throws SQLException {
        deliveries("paddle", 1003, "now() - interval '1 hour'");
        deliveries("polar", 2, "now() - interval '1 hour'");
        pruning.prune(Instant.now());
        List<String> kept = eventIds("paddle");
        assertEquals(1000, kept.size());
        assertEquals("paddle-1003", kept.get(0));
        assertEquals("paddle-4", kept.get(999));
        assertEquals(2, eventIds("polar").size());
    }

    /** Deliveries numbered on from those already there, each a second newer than the one before. */
    private void deliveries(String provider, int count, String from) throws SQLException {
        int start = eventIds(provider).size();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into webhook_delivery (website_id, provider, event_id, event_type, outcome, received_at)
                        select ?, ?, ? || '-' || n, 'test', 'recorded', %s + n * interval '1 second'
                        from generate_series(?, ?) n""".formatted(from))) {
            insert.setString(1, websiteId);
            insert.setString(2, provider);
            insert.setString(3, provider);
            insert.setInt(4, start + 1);
            insert.setInt(5, start + count);
            insert.executeUpdate();
        }
    }

    /** Newest first. */
    private List<String> eventIds(String provider) throws SQLException {
        return strings("select event_id from webhook_delivery where website_id = ? and provider = '" + provider
                + "' order by received_at desc, id desc");
    }

    private List<String> strings(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, websiteId);
            List<String> values = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
            return values;
        }
    }

    private void update(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 1; i <= update.getParameterMetaData().getParameterCount(); i++) {
                update.setString(i, websiteId);
            }
            update.executeUpdate();
        }
    }
}
