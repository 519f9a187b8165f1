package dev.payments.payments;

import dev.payments.currency.Conversion;
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
 * Writes a payment idempotently, in the caller's transaction. A new transaction id costs one
 * {@code INSERT ... ON CONFLICT DO NOTHING}; a known one is locked and merged (visitor attached, refund applied), so
 * concurrent identical requests serialize on the row and each gets a definite outcome.
 */
@ApplicationScoped
class PaymentWriter {

    private static final String INSERT = """
            insert into payment (website_id, transaction_id, amount, currency, visitor_id, customer_email,
                                 customer_name, customer_id, renewal, refunded, refunded_at, free_trial, occurred_at,
                                 reporting_currency, reporting_amount, reporting_rate, rate_date)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (website_id, transaction_id) do nothing""";
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

    CreateOutcome write(NewPayment payment) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (insert(connection, payment)) {
                    return payment.newRowOutcome();
                }
                Optional<CreateOutcome> merged = merge(connection, payment);
                if (merged.isPresent()) {
                    return merged.get();
                }
            }
        }
        throw new SQLException("payment " + payment.transactionId() + " kept disappearing while being recorded");
    }

    private boolean insert(Connection connection, NewPayment p) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, p.websiteId());
            insert.setString(2, p.transactionId());
            insert.setBigDecimal(3, p.amount());
            insert.setString(4, p.currency());
            setNullableString(insert, 5, p.visitorId());
            setNullableString(insert, 6, p.customerEmail());
            setNullableString(insert, 7, p.customerName());
            setNullableString(insert, 8, p.customerId());
            insert.setBoolean(9, p.renewal());
            insert.setBoolean(10, p.refunded());
            insert.setObject(11, p.refunded() ? utc(p.receivedAt()) : null, Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setBoolean(12, p.freeTrial());
            insert.setObject(13, utc(p.occurredAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setString(14, p.reportingCurrency());
            Conversion conversion = p.conversion();
            insert.setBigDecimal(15, conversion == null ? null : conversion.amount());
            insert.setBigDecimal(16, conversion == null ? null : conversion.rate());
            insert.setObject(17, conversion == null ? null : conversion.rateDate(), Types.DATE);
            return insert.executeUpdate() == 1;
        }
    }

    /** Empty when the stored row has vanished (deleted concurrently). */
    private Optional<CreateOutcome> merge(Connection connection, NewPayment p) throws SQLException {
        boolean mayChange = p.visitorId() != null || p.refunded();
        boolean hadNoVisitor;
        boolean wasRefunded;
        try (PreparedStatement find = connection.prepareStatement(mayChange ? LOCK : FIND)) {
            find.setString(1, p.websiteId());
            find.setString(2, p.transactionId());
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                hadNoVisitor = row.getBoolean(1);
                wasRefunded = row.getBoolean(2);
            }
        }
        boolean attributes = hadNoVisitor && p.visitorId() != null;
        boolean refunds = p.refunded() && !wasRefunded;
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
