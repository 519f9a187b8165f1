package dev.payments.payments;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Writes a payment idempotently, each call committed before it returns. A new transaction id is inserted by
 * {@link InsertBatches}, grouped with concurrent ones in one autocommitted statement; a known one that the request would
 * change is locked and merged in a transaction of its own (visitor attached, refund applied), so concurrent changes
 * serialize on the row and each gets a definite outcome.
 */
@ApplicationScoped
class PaymentWriter {

    private static final String FIND = """
            select visitor_id is null, refunded from payment where website_id = ? and transaction_id = ?""";
    private static final String LOCK = FIND + " for update";
    private static final String MERGE = """
            update payment set visitor_id = coalesce(visitor_id, ?),
                               refunded_at = case when ? and not refunded then ? else refunded_at end,
                               refunded = refunded or ?
            where website_id = ? and transaction_id = ?""";
    /** A row deleted between our insert and our read makes us insert again; more than this is not a race. */
    private static final int ATTEMPTS = 3;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InsertBatches batches;

    CreateOutcome write(NewPayment payment) throws SQLException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (batches.insert(payment)) {
                return payment.newRowOutcome();
            }
            Optional<CreateOutcome> merged;
            try (Connection connection = dataSource.getConnection()) {
                merged = merge(connection, payment);
            }
            if (merged.isPresent()) {
                return merged.get();
            }
        }
        throw new SQLException("payment " + payment.transactionId() + " kept disappearing while being recorded");
    }

    /**
     * Empty when the stored row has vanished (deleted concurrently). The row is read without a lock first: a visitor
     * once attached and a refund once applied never change again, so a request that would change nothing is a
     * duplicate for good, and identical duplicates never queue on the row. Only a possible change is decided again
     * under the row lock.
     */
    private Optional<CreateOutcome> merge(Connection connection, NewPayment p) throws SQLException {
        Optional<Stored> seen = find(connection, p, FIND);
        if (seen.isEmpty() || !seen.get().changedBy(p)) {
            return seen.map(stored -> CreateOutcome.DUPLICATE);
        }
        connection.setAutoCommit(false);
        try {
            Optional<CreateOutcome> merged = lockAndMerge(connection, p);
            connection.commit();
            connection.setAutoCommit(true);
            return merged;
        } catch (SQLException | RuntimeException e) {
            // the pool restores autocommit on a connection given back; the open transaction must not be committed then
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    private Optional<CreateOutcome> lockAndMerge(Connection connection, NewPayment p) throws SQLException {
        Optional<Stored> locked = find(connection, p, LOCK);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        boolean attributes = locked.get().noVisitor() && p.visitorId() != null;
        boolean refunds = p.refunded() && !locked.get().refunded();
        if (attributes || refunds) {
            try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
                setNullableString(merge, 1, p.visitorId());
                merge.setBoolean(2, p.refunded());
                merge.setObject(3, utc(p.receivedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                merge.setBoolean(4, p.refunded());
                merge.setString(5, p.websiteId());
                merge.setString(6, p.transactionId());
                merge.executeUpdate();
            }
        }
        return Optional.of(outcome(attributes, refunds));
    }

    private static Optional<Stored> find(Connection connection, NewPayment p, String query) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(query)) {
            find.setString(1, p.websiteId());
            find.setString(2, p.transactionId());
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(new Stored(row.getBoolean(1), row.getBoolean(2))) : Optional.empty();
            }
        }
    }

    /** What of a stored payment a later request may still change. */
    private record Stored(boolean noVisitor, boolean refunded) {

        boolean changedBy(NewPayment p) {
            return noVisitor && p.visitorId() != null || p.refunded() && !refunded;
        }
    }

    private static CreateOutcome outcome(boolean attributes, boolean refunds) {
        if (attributes && refunds) {
            return CreateOutcome.REFUNDED_AND_ATTRIBUTED;
        }
        if (refunds) {
            return CreateOutcome.REFUNDED;
        }
        return attributes ? CreateOutcome.ATTRIBUTED : CreateOutcome.DUPLICATE;
    }

    private static void setNullableString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
