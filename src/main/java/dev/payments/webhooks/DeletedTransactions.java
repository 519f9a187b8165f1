package dev.payments.webhooks;

import dev.payments.database.PooledConnections;
import dev.payments.database.SqlParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Payments deleted through DELETE /api/v1/payments stay deleted: their transaction ids (deleted_transaction, written by
 * that delete) keep what providers report about them out for the retention period, whether it comes from a webhook or
 * from an import of the provider's history.
 */
@ApplicationScoped
public class DeletedTransactions {

    private static final String DELETED = """
            select exists (select 1 from deleted_transaction
                           where website_id = ? and transaction_id = ? and deleted_at > ?)""";

    @Inject
    PooledConnections dataSource;

    @Inject
    DeliveryConfig config;

    /** Whether the website's payment with this transaction id was deleted through the API within the retention. */
    public boolean wasDeleted(String websiteId, String transactionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement deleted = connection.prepareStatement(DELETED)) {
            SqlParameters.bind(deleted, List.of(websiteId, transactionId, Instant.now().minus(config.retention())));
            try (ResultSet row = deleted.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
