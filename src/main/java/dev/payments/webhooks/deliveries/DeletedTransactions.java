package dev.payments.webhooks.deliveries;

import dev.payments.platform.database.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

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
    Jdbc jdbc;

    @Inject
    DeliveryConfig config;

    /** Whether the website's payment with this transaction id was deleted through the API within the retention. */
    public boolean wasDeleted(String websiteId, String transactionId) {
        return jdbc.single(DELETED, Jdbc.values(websiteId, transactionId, Instant.now().minus(config.retention())),
                row -> row.getBoolean(1)).orElseThrow();
    }
}
