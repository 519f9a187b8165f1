package dev.payments.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Migration V10 (refunds as amounts) on a schema of its own, built up to V9 with payments in it: a refunded payment
 * becomes one whole refund, and the revenue sums kept before the migration still equal what the payments add up to.
 */
@QuarkusTest
class RefundMigrationTest {

    private static final String SUMS = """
            select slot, currency, sum(new_amount), sum(renewal_amount), sum(refund_amount), sum(new_count),
                   sum(renewal_count), sum(refund_count), sum(free_trials)
            from %s group by 1, 2 order by 1, 2 nulls first""";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private final String schema = "refund_migration_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void migrateToV9WithPayments() throws SQLException {
        flyway("9").migrate();
        execute("""
                insert into website (id, domain, name, currency, timezone, created_at)
                values ('w1', 'refund-migration.example', 'w', 'USD', 'UTC', now());
                insert into payment (website_id, transaction_id, amount, currency, renewal, refunded, refunded_at,
                                     free_trial, occurred_at, reporting_currency, reporting_amount, reporting_rate,
                                     rate_date, completeness)
                values ('w1', 'paid', 40, 'USD', false, false, null, false, '2026-05-04T10:00:00Z', 'USD', 40, 1,
                        '2026-05-04', 2),
                       ('w1', 'refunded', 33.33, 'EUR', false, true, '2026-05-06T09:00:00Z', false,
                        '2026-05-04T11:00:00Z', 'USD', 36.01, 1.0804, '2026-05-04', 2),
                       ('w1', 'pending', 12, 'EUR', true, true, '2026-05-07T09:00:00Z', false,
                        '2026-05-05T11:00:00Z', 'USD', null, null, null, 2),
                       ('w1', 'trial', 0, 'USD', false, true, '2026-05-08T09:00:00Z', true,
                        '2026-05-05T12:00:00Z', 'USD', 0, 1, '2026-05-05', 2)""");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("drop schema " + schema + " cascade");
    }

    @Test
    void shouldCarryARefundedPaymentOverAsOneWholeRefund() throws SQLException {
        flyway(null).migrate();
        assertEquals(List.of("paid|null|{}|{}|{}|f",
                        "pending|12.00000000|{12.00000000}|{\"2026-05-07 09:00:00+00\"}|{\"\"}|t",
                        "refunded|33.33000000|{33.33000000}|{\"2026-05-06 09:00:00+00\"}|{\"\"}|t",
                        "trial|0.00000000|{0.00000000}|{\"2026-05-08 09:00:00+00\"}|{\"\"}|t"),
                rows("""
                        select transaction_id, refunded_amount, refund_amounts, refund_times, refund_keys, refunded
                        from payment order by transaction_id"""));
    }

    @Test
    void shouldKeepTheRevenueSumsEqualToWhatThePaymentsAddUpTo() throws SQLException {
        flyway(null).migrate();
        String fromPayments = """
                (select revenue_slot_of(r.at) as slot, r.*
                 from payment p
                      cross join lateral revenue_parts(p.website_id, p.occurred_at, p.renewal, p.free_trial, p.amount,
                                                       p.refund_amounts, p.refund_times, p.reporting_amount,
                                                       p.reporting_currency) r) parts""";
        assertEquals(rows(SUMS.formatted(fromPayments)), rows(SUMS.formatted("revenue_slot")));
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(url, user, password).schemas(schema)
                .locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema + "; set timezone to 'UTC'");
        }
        return connection;
    }
}
