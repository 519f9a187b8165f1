package dev.payments.payments.writing;

import dev.payments.account.directory.WebsiteDirectory;
import dev.payments.platform.database.Jdbc;
import dev.payments.platform.errors.ApiException;
import dev.payments.platform.errors.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a payment idempotently, each call committed before it returns. A new transaction id is inserted by
 * {@link InsertBatches}, grouped with concurrent ones in one autocommitted statement; a known one is answered from the
 * row read back there when the request changes nothing (a duplicate), and otherwise locked and merged in a transaction
 * of its own (visitor attached, refund added: {@link Refunds}, payment completed: {@link Completeness}; the SQL of what
 * it may change: {@link PaymentRules}), so concurrent changes serialize on the row and each gets a definite outcome.
 */
@ApplicationScoped
public class PaymentWriter {

    private static final String LOCK = "select " + PaymentRules.STATE + ", " + PaymentRules.REFUNDS
            + " from payment p where" + PaymentRules.ROW + " for update";
    private static final String MERGE = "update payment set " + PaymentRules.CHANGES + " where" + PaymentRules.ROW;
    /** A row deleted between our insert and our read or lock makes us insert again, this many times at most. */
    private static final int ATTEMPTS = 3;

    @Inject
    Jdbc jdbc;

    @Inject
    InsertBatches batches;

    @Inject
    WebsiteDirectory websites;

    public CreateOutcome write(NewPayment payment) throws SQLException {
        return settle(payment, batches.insert(payment));
    }

    /**
     * Each payment as {@link #write} would, their new rows written together; the outcomes at the payments' positions, a
     * payment that fails as a POST would (its website gone, a conflict) with its failure.
     */
    public List<Positioned<BatchOutcome>> writeAll(List<Positioned<NewPayment>> payments) throws SQLException {
        List<Insertion> insertions = batches.insertAll(payments.stream().map(Positioned::item).toList());
        List<Positioned<BatchOutcome>> outcomes = new ArrayList<>(payments.size());
        for (int i = 0; i < payments.size(); i++) {
            Positioned<NewPayment> payment = payments.get(i);
            try {
                outcomes.add(payment.with(BatchOutcome.of(settle(payment.item(), insertions.get(i)))));
            } catch (ApiException e) {
                outcomes.add(payment.with(BatchOutcome.of(Failure.of(e))));
            }
        }
        return outcomes;
    }

    /** What the payment's insertion found, settled: merged when it changes the stored row, inserted again if gone. */
    private CreateOutcome settle(NewPayment payment, Insertion first) throws SQLException {
        Insertion insertion = first;
        for (int attempt = 1; ; attempt++) {
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
            if (attempt == ATTEMPTS) {
                throw ApiException.conflict("payment " + payment.transactionId()
                        + " was deleted again and again while being recorded; retry the request");
            }
            insertion = batches.insert(payment);
        }
    }

    /** Decided again under the row lock; empty when the row has vanished (deleted concurrently). */
    private Optional<CreateOutcome> merge(NewPayment p) {
        return jdbc.inTransaction(connection -> lockAndMerge(connection, p));
    }

    private Optional<CreateOutcome> lockAndMerge(Connection connection, NewPayment p) throws SQLException {
        Optional<Locked> locked = lock(connection, p);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        StoredPayment stored = locked.get().stored();
        if (stored.completedBy(p)) {
            Refunds refunds = locked.get().refunds().withAmount(p.amount());
            Optional<BigDecimal> added = refunds.added(p);
            Completion.complete(connection, p, refunds, added);
            return Optional.of(added.isPresent() ? CreateOutcome.REFUND_RECORDED : CreateOutcome.RECORDED);
        }
        boolean attributes = stored.attributedBy(p);
        Optional<BigDecimal> added = locked.get().refunds().added(p);
        if (attributes || added.isPresent()) {
            try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
                int next = PaymentRules.bindChanges(connection, merge, 1, locked.get().refunds(), added, p);
                PaymentRules.bindRow(merge, next, p);
                merge.executeUpdate();
            }
        }
        return Optional.of(outcome(attributes, added.map(locked.get().refunds()::wholeWith)));
    }

    private static Optional<Locked> lock(Connection connection, NewPayment p) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            PaymentRules.bindRow(lock, 1, p);
            try (ResultSet row = lock.executeQuery()) {
                return row.next()
                        ? Optional.of(new Locked(PaymentRules.state(row, 1), PaymentRules.refunds(row, 5)))
                        : Optional.empty();
            }
        }
    }

    /** {@code whole}: present when the request adds a refund, true when the payment is then refunded whole. */
    private static CreateOutcome outcome(boolean attributes, Optional<Boolean> whole) {
        if (whole.isEmpty()) {
            return attributes ? CreateOutcome.ATTRIBUTED : CreateOutcome.DUPLICATE;
        }
        if (whole.get()) {
            return attributes ? CreateOutcome.REFUNDED_AND_ATTRIBUTED : CreateOutcome.REFUNDED;
        }
        return attributes ? CreateOutcome.PARTIALLY_REFUNDED_AND_ATTRIBUTED : CreateOutcome.PARTIALLY_REFUNDED;
    }

    /** A row read under its lock. */
    private record Locked(StoredPayment stored, Refunds refunds) {
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
