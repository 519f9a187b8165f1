package dev.payments.payments;

import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Metrics;
import dev.payments.support.Race;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Group commit as its callers see it: concurrent inserts share statements and commits, yet each caller is told about
 * its own row only, and a row the database refuses fails its own caller only. Each round starts its callers at one
 * moment, so that they meet in batches.
 */
@QuarkusTest
class InsertBatchesTest {

    private static final int ROUNDS = 10;
    private static final int CALLERS = 24;

    @Inject
    InsertBatches batches;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldTellOneCallerOfEachTransactionIdThatItsRowWasInsertedAndTheOtherWhatIsStored() throws Exception {
        String websiteId = website().id();
        double statementsBefore = Metrics.value("payments_insert_batch_rows_count");
        for (int round = 0; round < ROUNDS; round++) {
            List<String> transactionIds = new ArrayList<>();
            List<Callable<Insertion>> inserts = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                String transactionId = caller % 2 == 0 ? unique("tx") : transactionIds.get(transactionIds.size() - 1);
                transactionIds.add(transactionId);
                inserts.add(() -> batches.insert(payment(websiteId, transactionId)));
            }
            List<Insertion> insertions = Race.run(inserts);
            for (int pair = 0; pair < CALLERS; pair += 2) {
                Insertion first = insertions.get(pair);
                Insertion second = insertions.get(pair + 1);
                assertTrue(first.inserted() ^ second.inserted(), "exactly one of each pair: " + insertions);
                Insertion other = first.inserted() ? second : first;
                assertEquals(Optional.of(new StoredPayment(true, false)), other.existing(), insertions.toString());
                assertEquals(1, stored(websiteId, transactionIds.get(pair)));
            }
        }
        double statements = Metrics.value("payments_insert_batch_rows_count") - statementsBefore;
        assertTrue(statements < ROUNDS * CALLERS, "callers shared statements: " + statements + " statements");
    }

    @Test
    void shouldFailOnlyTheCallerWhoseRowTheDatabaseRefuses() throws Exception {
        String websiteId = website().id();
        String refused = "x".repeat(256);
        for (int round = 0; round < ROUNDS; round++) {
            List<String> transactionIds = new ArrayList<>();
            List<Callable<Object>> inserts = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                String transactionId = caller == CALLERS / 2 ? refused : unique("tx");
                transactionIds.add(transactionId);
                inserts.add(() -> {
                    try {
                        return batches.insert(payment(websiteId, transactionId)).inserted();
                    } catch (SQLException e) {
                        return e.getSQLState();
                    }
                });
            }
            List<Object> outcomes = Race.run(inserts);
            for (int caller = 0; caller < CALLERS; caller++) {
                if (caller == CALLERS / 2) {
                    assertEquals("22001", outcomes.get(caller), "value too long: " + outcomes);
                } else {
                    assertEquals(true, outcomes.get(caller), outcomes.toString());
                    assertEquals(1, stored(websiteId, transactionIds.get(caller)));
                }
            }
        }
    }

    private static NewPayment payment(String websiteId, String transactionId) {
        Instant now = Instant.now();
        return new NewPayment(websiteId, transactionId, new BigDecimal("29.99"), "USD", null, null, null, null, false,
                false, false, now, now, "USD", null);
    }

    private int stored(String websiteId, String transactionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from payment where website_id = ? and transaction_id = ?")) {
            count.setString(1, websiteId);
            count.setString(2, transactionId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
