package dev.payments.revenue;

import dev.payments.platform.errors.ApiException;
import dev.payments.platform.errors.Unavailable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time one report may take, from when it asks for its connection: each of its statements may run for what is left,
 * so that the report ends (answered, or cut and answered 503) before the request deadline.
 */
final class ReportBudget {

    private static final String LIMIT = "select set_config('statement_timeout', ?, true)";

    private final Duration budget;
    private final long deadline;

    ReportBudget(Duration budget) {
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    /**
     * Gives the statements that follow what is left of the budget as statement_timeout, for the connection's open
     * transaction only (set locally: behind PgBouncer's transaction pooling a session setting would stay with a
     * connection other clients get).
     */
    void limit(Connection connection) throws SQLException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw exceeded();
        }
        try (PreparedStatement limit = connection.prepareStatement(LIMIT)) {
            limit.setString(1, left + "ms");
            limit.execute();
        }
    }

    /** What a report cut by its budget answers: 503, as other statement timeouts, but saying why. */
    ApiException exceeded() {
        return Unavailable.REPORT_BUDGET.exception();
    }
}
