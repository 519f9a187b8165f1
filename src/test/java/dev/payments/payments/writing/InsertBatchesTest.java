package dev.payments.payments.writing;

import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.platform.database.JdbcFailure;
import dev.payments.support.Eventually;
import dev.payments.support.LockWaits;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Group commit as its callers see it: concurrent inserts share statements and commits, yet each caller is told about
 * its own row only; a row the database refuses, or that breaks the writer, fails its own caller only; a row waiting for
 * another transaction's lock delays only its own caller; and no caller waits without bound. Each round starts its
 * callers at one moment, so that they meet in batches.
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
                assertTrue(inserted(first) ^ inserted(second), "exactly one of each pair: " + insertions);
                Insertion other = inserted(first) ? second : first;
                assertEquals(Insertion.stored(new StoredPayment(true, true, false, Completeness.PAYMENT.level())), other,
                        insertions.toString());
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
                        return inserted(batches.insert(payment(websiteId, transactionId)));
                    } catch (SQLException e) {
                        return e.getSQLState();
                    } catch (JdbcFailure e) {
                        return e.sqlState();
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

    @Test
    @Timeout(60) // without its bound, the batch would wait for the lock the test releases only afterwards
    void shouldWriteOtherRowsWhileOneWaitsForALockOnItsTransaction() throws Exception {
        String websiteId = website().id();
        String locked = unique("tx");
        assertTrue(inserted(batches.insert(payment(websiteId, locked))));
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            execute(locker, "update payment set customer_id = 'locked' where website_id = ? and transaction_id = ?",
                    websiteId, locked);
            Future<Insertion> waiting = caller.submit(() -> batches.insert(payment(websiteId, locked)));
            awaitBlockedBy(locker, "the insert of the row whose transaction id is locked");
            String otherWebsite = website().id();
            // written while the lock is held: they do not wait for it
            assertEquals(List.of(true, true, true), insertConcurrently(otherWebsite, 3));
            assertFalse(waiting.isDone(), "the row whose transaction id is locked waits for the lock");
            locker.rollback();
            assertEquals(Insertion.Kind.STORED, waiting.get(10, TimeUnit.SECONDS).kind());
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void shouldWriteOtherRowsWhileOneWaitsForItsWebsiteToBeDeletedAndThenFindNoWebsite() throws Exception {
        String deleted = website().id();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection deleter = dataSource.getConnection()) {
            deleter.setAutoCommit(false);
            execute(deleter, "delete from website where id = ?", deleted);
            Future<Insertion> waiting = caller.submit(() -> batches.insert(payment(deleted, unique("tx"))));
            awaitBlockedBy(deleter, "the insert of a row of the website being deleted");
            assertEquals(List.of(true, true, true), insertConcurrently(website().id(), 3));
            assertFalse(waiting.isDone(), "the row of the website being deleted waits for the delete");
            deleter.commit();
            assertEquals(Insertion.NO_WEBSITE, waiting.get(10, TimeUnit.SECONDS));
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void shouldFailOnlyTheCallerWhoseRowBreaksTheWriterAndWriteOnAfterwards() throws Exception {
        String websiteId = website().id();
        for (int round = 0; round < ROUNDS; round++) {
            List<Callable<Object>> inserts = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                NewPayment payment = caller == CALLERS / 2 ? withoutAmount(websiteId) : payment(websiteId, unique("tx"));
                inserts.add(() -> {
                    try {
                        return inserted(batches.insert(payment));
                    } catch (RuntimeException e) {
                        return e.getClass().getSimpleName();
                    }
                });
            }
            List<Object> outcomes = Race.run(inserts);
            for (int caller = 0; caller < CALLERS; caller++) {
                assertEquals(caller == CALLERS / 2 ? "NullPointerException" : true, outcomes.get(caller),
                        outcomes.toString());
            }
        }
    }

    @Test
    void shouldAnswerAnInterruptedCallerAtOnce() throws Exception {
        String websiteId = website().id();
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            execute(locker, "lock table payment in exclusive mode");
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            Thread caller = new Thread(() -> {
                try {
                    outcome.complete(batches.insert(payment(websiteId, unique("tx"))));
                } catch (Exception e) {
                    outcome.complete(e.getClass().getSimpleName() + ", interrupted=" + Thread.interrupted());
                }
            });
            caller.start();
            Thread.sleep(100); // waiting for the writer, whose statement waits for the table lock
            caller.interrupt();
            assertEquals("SQLTransientConnectionException, interrupted=true", outcome.get(1, TimeUnit.SECONDS));
            locker.rollback();
        }
    }

    /** Waits until a statement of another session waits for a lock the holder's transaction holds. */
    private void awaitBlockedBy(Connection holder, String what) throws SQLException {
        int holderPid = LockWaits.backendPid(holder);
        assertTrue(Eventually.within(Duration.ofSeconds(10),
                () -> !LockWaits.blockedBy(dataSource, holderPid).isEmpty()),
                what + " is not seen waiting for the lock (pg_stat_activity)");
    }

    private List<Boolean> insertConcurrently(String websiteId, int callers) throws Exception {
        List<Callable<Boolean>> inserts = new ArrayList<>();
        for (int caller = 0; caller < callers; caller++) {
            inserts.add(() -> inserted(batches.insert(payment(websiteId, unique("tx")))));
        }
        return Race.run(inserts);
    }

    private static void execute(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    private static NewPayment withoutAmount(String websiteId) {
        Instant now = Instant.now();
        return new NewPayment(websiteId, unique("tx"), null, "USD", null, null, null, null, null, false, false, null, null, false,
                now, now, "USD", null, Completeness.PAYMENT);
    }

    private static boolean inserted(Insertion insertion) {
        return insertion.kind() == Insertion.Kind.INSERTED;
    }

    private static NewPayment payment(String websiteId, String transactionId) {
        Instant now = Instant.now();
        return new NewPayment(websiteId, transactionId, new BigDecimal("29.99"), "USD", null, null, null, null, null,
                false, false, null, null, false, now, now, "USD", null, Completeness.PAYMENT);
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
