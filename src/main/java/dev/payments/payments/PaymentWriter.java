package dev.payments.payments;

import dev.payments.errors.ApiException;
import dev.payments.websites.WebsiteDirectory;
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
 * {@link InsertBatches}, grouped with concurrent ones in one autocommitted statement; a known one is answered from the
 * row read back there when the request changes nothing (a duplicate), and otherwise locked and merged in a transaction
 * of its own (visitor attached, refund applied, payment completed: {@link Completeness}), so concurrent changes
 * serialize on the row and each gets a definite outcome.
 */
@ApplicationScoped
class PaymentWriter {

    private static final String LOCK = """
            select visitor_id is null, session_id is null, refunded, completeness from payment
            where website_id = ? and transaction_id = ? for update""";
    private static final String MERGE = """
            update payment set visitor_id = coalesce(visitor_id, ?), session_id = coalesce(session_id, ?),
                               refunded_at = case when ? and not refunded then ? else refunded_at end,
                               refunded = refunded or ?
            where website_id = ? and transaction_id = ?""";
    /** A row deleted between our insert and our read or lock makes us insert again, this many times at most. */
    private static final int ATTEMPTS = 3;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InsertBatches batches;

    @Inject
    WebsiteDirectory websites;

    CreateOutcome write(NewPayment payment) throws SQLException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Insertion insertion = batches.insert(payment);
            switch (insertion.kind()) {
                case INSERTED -> {
                    return payment.newRowOutcome();
                }
                case NO_WEBSITE -> {
                    websites.forget(payment.websiteId());
                    throw ApiException.noWebsite(payment.websiteId());
                }
                case STORED -> {
                    if (!insertion.stored().changedBy(payment)) {
                        return CreateOutcome.DUPLICATE;
                    }
                    Optional<CreateOutcome> merged = merge(payment);
                    if (merged.isPresent()) {
                        return merged.get();
                    }
                }
                case VANISHED -> {
                    // deleted between our insert and our read: insert again
                }
            }
        }
        throw ApiException.conflict("payment " + payment.transactionId()
                + " was deleted again and again while being recorded; retry the request");
    }

    /** Decided again under the row lock; empty when the row has vanished (deleted concurrently). */
    private Optional<CreateOutcome> merge(NewPayment p) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<CreateOutcome> merged = lockAndMerge(connection, p);
                connection.commit();
                return merged;
            } catch (SQLException | RuntimeException e) {
                // the pool restores autocommit on a connection given back; the open transaction must not be committed
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        }
    }

    private Optional<CreateOutcome> lockAndMerge(Connection connection, NewPayment p) throws SQLException {
        Optional<StoredPayment> locked = lock(connection, p);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        boolean attributes = locked.get().attributedBy(p);
        boolean refunds = p.refunded() && !locked.get().refunded();
        if (locked.get().completedBy(p)) {
            Completion.complete(connection, p);
            return Optional.of(refunds ? CreateOutcome.REFUND_RECORDED : CreateOutcome.RECORDED);
        }
        if (attributes || refunds) {
            try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
                setNullableString(merge, 1, p.visitorId());
                setNullableString(merge, 2, p.sessionId());
                merge.setBoolean(3, p.refunded());
                merge.setObject(4, utc(p.refundedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                merge.setBoolean(5, p.refunded());
                merge.setString(6, p.websiteId());
                merge.setString(7, p.transactionId());
                merge.executeUpdate();
            }
        }
        return Optional.of(outcome(attributes, refunds));
    }

    private static Optional<StoredPayment> lock(Connection connection, NewPayment p) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setString(1, p.websiteId());
            lock.setString(2, p.transactionId());
            try (ResultSet row = lock.executeQuery()) {
                return row.next()
                        ? Optional.of(new StoredPayment(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3),
                                row.getInt(4)))
                        : Optional.empty();
            }
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

    static void setNullableString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
