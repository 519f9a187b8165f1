package dev.payments.payments.conversion;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.currency.ExchangeRates;
import dev.payments.support.Eventually;
import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.LockWaits;
import dev.payments.support.Metrics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The background work on conversions: a reporting-currency change converts every payment again in chunks, after the
 * change has answered; a payment that cannot be converted is not tried again until the rates change; a payment whose
 * conversion fails does not stop the others. In process: payments are written and read in the database directly.
 */
@QuarkusTest
class PendingConversionsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String FRIDAY = "2023-02-17T12:00:00Z";
    private static final String INSERT_STATEMENTS = "payments_insert_batch_rows_count";

    @Inject
    PendingConversions conversions;

    @Inject
    ExchangeRates rates;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void bundledRatesLoaded() {
        await(() -> rates.convert(BigDecimal.ONE, "USD", "EUR", LocalDate.parse("2023-02-17")).isPresent());
    }

    @Test
    void shouldConvertEveryPaymentOfALargeWebsiteAgainAfterItsCurrencyChanges() throws SQLException {
        TestWebsite site = website("USD");
        int payments = 2_500; // more than two chunks
        update("""
                insert into payment (website_id, transaction_id, amount, currency, renewal, refunded, free_trial,
                                     occurred_at, reporting_currency, reporting_amount)
                select ?, 'bulk-' || g, 10, 'USD', false, false, false,
                       timestamptz '2023-02-17 12:00:00Z' + g * interval '1 second', 'USD', 10
                from generate_series(1, ?) g""", site.id(), payments);

        as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("currency", "EUR"))
                .put("/api/v1/admin/websites/{id}", site.id()).then().statusCode(200);

        // 10 USD at 1.0625 per euro = 9.41 EUR
        await(() -> count("select count(*) from payment where website_id = ? and reporting_currency = 'EUR' "
                + "and reporting_amount = 9.41", site.id()) == payments);
        assertEquals(0, count("select count(*) from website where id = ? and reconversion_pending", site.id()));
    }

    /**
     * The interleaving that used to leave a payment in the old currency for good: a payment inserted (it waits on
     * another transaction that holds its transaction id) while the change commits and the change's pass runs.
     */
    @Test
    @Timeout(120)
    void shouldConvertAPaymentBeingInsertedWhileTheCurrencyChanges() throws Exception {
        TestWebsite site = website("USD");
        String tx = unique("tx");
        ExecutorService background = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            execute(holder, """
                    insert into payment (website_id, transaction_id, amount, currency, renewal, refunded, free_trial,
                                         occurred_at, reporting_currency)
                    values (?, ?, 1, 'USD', false, false, false, now(), 'USD')""", site.id(), tx);
            int holderPid = LockWaits.backendPid(holder);
            double statementsBefore = Metrics.value(INSERT_STATEMENTS);
            Future<Integer> post = background.submit(() -> as(site.key()).contentType(ContentType.JSON)
                    .body(payment(tx, "amount", "100", "timestamp", FRIDAY)).post("/api/v1/payments").statusCode());
            // the batch's statement gives up on the lock at once (InsertBatches.BATCH_LOCK_WAIT); the payment's own
            // statement, the second, has read the website and waits for the holder as long as it takes
            await(() -> Metrics.value(INSERT_STATEMENTS) >= statementsBefore + 2
                    && !LockWaits.blockedBy(dataSource, holderPid).isEmpty());
            int paymentPid = LockWaits.blockedBy(dataSource, holderPid).get(0);
            Future<?> change = background.submit(() -> {
                update("update website set currency = 'EUR', reconversion_pending = true where id = ?", site.id());
                return null;
            });
            // commits, or waits for the payment
            await(() -> change.isDone() || !LockWaits.blockedBy(dataSource, paymentPid).isEmpty());
            conversions.request(); // the pass runs while the payment waits
            holder.rollback();
            assertEquals(200, post.get(30, TimeUnit.SECONDS));
            change.get(30, TimeUnit.SECONDS);
        } finally {
            background.shutdownNow();
        }
        conversions.request();
        await(() -> count("select count(*) from payment where website_id = ? and transaction_id = ? "
                + "and reporting_currency = 'EUR' and reporting_amount = 94.12", site.id(), tx) == 1);
    }

    @Test
    void shouldNotTryAgainAPaymentThatCannotBeConvertedUntilTheRatesChange() throws Exception {
        TestWebsite site = website("EUR");
        String never = unique("tx"); // ECB does not publish the Bahraini dinar
        record(site, payment(never, "amount", "10", "currency", "BHD", "timestamp", FRIDAY));
        conversions.request();
        await(() -> triedAt(site.id(), never) != null);
        String firstTry = triedAt(site.id(), never);

        String later = unique("tx");
        record(site, payment(later, "amount", "10", "currency", "BHD", "timestamp", FRIDAY));
        conversions.request();
        await(() -> triedAt(site.id(), later) != null); // a pass has run since
        assertEquals(firstTry, triedAt(site.id(), never), "tried again, though the rates have not changed");
    }

    @Test
    void shouldConvertTheOtherPaymentsWhenOneCannotBeConvertedAtAll() throws SQLException {
        TestWebsite site = website("EUR");
        // a row no request could have written (an unknown currency), tried first: its failure must not stop the pass
        update("""
                insert into payment (website_id, transaction_id, amount, currency, renewal, refunded, free_trial,
                                     occurred_at, reporting_currency)
                values (?, 'broken', 10, 'ZZZ', false, false, false, timestamptz '2023-02-17 12:00:00Z', 'ZZZ')""",
                site.id());
        String tx = unique("tx");
        update("""
                insert into payment (website_id, transaction_id, amount, currency, renewal, refunded, free_trial,
                                     occurred_at, reporting_currency)
                values (?, ?, 100, 'USD', false, false, false, timestamptz '2023-02-17 12:00:00Z', 'EUR')""",
                site.id(), tx);
        conversions.request();
        await(() -> count("select count(*) from payment where website_id = ? and transaction_id = ? "
                + "and reporting_amount = 94.12", site.id(), tx) == 1);
        assertTrue(triedAt(site.id(), "broken") != null, "the broken payment was tried, and stays pending");
    }

    private String triedAt(String websiteId, String transactionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select conversion_tried_at::text from payment where website_id = ? and transaction_id = ?
                        and reporting_amount is null and conversion_tried_at > '-infinity'""")) {
            query.setString(1, websiteId);
            query.setString(2, transactionId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = prepare(connection, sql, parameters);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql, parameters);
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static void await(BooleanSupplier condition) {
        assertTrue(Eventually.within(PATIENCE, condition), "not so after " + PATIENCE.toSeconds() + " s");
    }
}
