package dev.payments.payments.writing;

import dev.payments.currency.Conversion;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes new payments, any number of rows in one autocommitted statement (one array parameter per column), and reads
 * back in one more statement what is stored for the rows that were not inserted. A transaction id the batch holds
 * several times (concurrent retries of one event, a repeat within a batch request) is sent, and read back, once.
 */
final class BatchStatements {

    /**
     * {@code limits}: the statement's own lock_timeout, set for its implicit transaction only (PostgreSQL's syntax, 0
     * for none); the CTE is read before any row is locked or inserted, so every lock wait of the statement obeys it.
     *
     * <p>The website row is locked (FOR SHARE) until the commit: a change of its reporting currency waits for the rows
     * being inserted, and a row inserted meanwhile waits for the change and then takes the new currency. The reporting
     * currency stored is thus always the website's at commit; a conversion made for another one (a currency change not
     * yet seen by this instance's cache) is not stored, and the payment is pending. A row whose website is gone is not
     * inserted. Of rows with one transaction id, only the first is sent (see {@link #write}).
     */
    private static final String INSERT = """
            with limits as materialized (select set_config('lock_timeout', ?, true))
            insert into payment (website_id, transaction_id, amount, currency, visitor_id, session_id, customer_email,
                                 customer_name, customer_id, renewal, refunded, refunded_at, free_trial, occurred_at,
                                 reporting_currency, reporting_amount, reporting_rate, rate_date, completeness,
                                 refunded_amount, refund_amounts, refund_times, refund_keys)
            select w.id, v.transaction_id, v.amount::numeric, v.currency, v.visitor_id, v.session_id, v.customer_email,
                   v.customer_name, v.customer_id, v.renewal::boolean, v.refunded::boolean,
                   v.refunded_at::timestamptz, v.free_trial::boolean, v.occurred_at::timestamptz, w.currency,
                   %s, v.completeness::smallint,
                   v.refund::numeric,
                   case when v.refund is null then '{}' else array[v.refund::numeric] end,
                   case when v.refund is null then '{}' else array[v.refunded_at::timestamptz] end,
                   case when v.refund is null then '{}' else array[v.refund_key] end
            from limits
                 cross join unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                   ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                   ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 with ordinality as v(website_id, transaction_id, amount, currency, visitor_id, session_id,
                                      customer_email, customer_name, customer_id, renewal, refunded, refunded_at,
                                      free_trial, occurred_at, reporting_currency, reporting_amount, reporting_rate,
                                      rate_date, completeness, refund, refund_key, position)
                 join website w on w.id = v.website_id
            order by v.position
            for share of w
            on conflict (website_id, transaction_id) do nothing
            returning website_id, transaction_id""".formatted(PaymentRules.conversionKept("w.currency",
            "v.reporting_currency", "v.reporting_amount::numeric", "v.reporting_rate::numeric", "v.rate_date::date"));
    /** What is stored for rows that were not inserted: whether their website exists, and their payment if any. */
    private static final String READ = """
            select k.website_id, k.transaction_id, w.id is not null, p.id is not null, %s
            from unnest(?::text[], ?::text[]) as k(website_id, transaction_id)
                 left join website w on w.id = k.website_id
                 left join payment p on p.website_id = k.website_id and p.transaction_id = k.transaction_id"""
            .formatted(PaymentRules.STATE);
    private static final int COLUMNS = 21;

    private BatchStatements() {
    }

    /** What became of each payment, in order; {@code lockTimeout} bounds the insert's waits for others' locks. */
    static List<Insertion> write(Connection connection, List<NewPayment> batch, String lockTimeout)
            throws SQLException {
        // of rows with one transaction id, only the first goes to the database: the one inserted, if any is
        Map<Key, NewPayment> firsts = new LinkedHashMap<>();
        for (NewPayment payment : batch) {
            firsts.putIfAbsent(Key.of(payment), payment);
        }
        Set<Key> inserted = insert(connection, List.copyOf(firsts.values()), lockTimeout);
        // a repeat of an inserted row finds it stored
        boolean[] rowInserted = new boolean[batch.size()];
        Set<Key> known = new LinkedHashSet<>();
        for (int row = 0; row < batch.size(); row++) {
            Key key = Key.of(batch.get(row));
            rowInserted[row] = inserted.remove(key);
            if (!rowInserted[row]) {
                known.add(key);
            }
        }
        Map<Key, Insertion> found = known.isEmpty() ? Map.of() : read(connection, known);
        List<Insertion> insertions = new ArrayList<>(batch.size());
        for (int row = 0; row < batch.size(); row++) {
            insertions.add(rowInserted[row] ? Insertion.INSERTED : found.get(Key.of(batch.get(row))));
        }
        return insertions;
    }

    private static Set<Key> insert(Connection connection, List<NewPayment> rows, String lockTimeout)
            throws SQLException {
        String[][] columns = new String[COLUMNS][rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            String[] values = values(rows.get(row));
            for (int column = 0; column < COLUMNS; column++) {
                columns[column][row] = values[column];
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, lockTimeout);
            for (int column = 0; column < COLUMNS; column++) {
                insert.setArray(column + 2, connection.createArrayOf("text", columns[column]));
            }
            Set<Key> inserted = new HashSet<>();
            try (ResultSet result = insert.executeQuery()) {
                while (result.next()) {
                    inserted.add(new Key(result.getString(1), result.getString(2)));
                }
            }
            return inserted;
        }
    }

    private static Map<Key, Insertion> read(Connection connection, Set<Key> known) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setArray(1, connection.createArrayOf("text", known.stream().map(Key::websiteId).toArray()));
            read.setArray(2, connection.createArrayOf("text", known.stream().map(Key::transactionId).toArray()));
            Map<Key, Insertion> found = new HashMap<>();
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    Insertion insertion = !rows.getBoolean(3) ? Insertion.NO_WEBSITE
                            : !rows.getBoolean(4) ? Insertion.VANISHED
                            : Insertion.stored(PaymentRules.state(rows, 5));
                    found.put(new Key(rows.getString(1), rows.getString(2)), insertion);
                }
            }
            return found;
        }
    }

    /** The columns of the insert, as text: PostgreSQL casts them to the columns' types. */
    private static String[] values(NewPayment p) {
        Conversion conversion = p.conversion();
        Refunds none = Refunds.none(p.amount());
        BigDecimal refund = none.added(p).orElse(null);
        return new String[] {p.websiteId(), p.transactionId(), p.amount().toPlainString(), p.currency(), p.visitorId(),
            p.sessionId(), p.customerEmail(), p.customerName(), p.customerId(), String.valueOf(p.renewal()),
            String.valueOf(none.wholeWith(refund)), refund != null ? p.refundedAt().toString() : null,
            String.valueOf(p.freeTrial()), p.occurredAt().toString(), p.reportingCurrency(),
            conversion == null ? null : conversion.amount().toPlainString(),
            conversion == null ? null : conversion.rate().toPlainString(),
            conversion == null ? null : conversion.rateDate().toString(), String.valueOf(p.completeness().level()),
            refund == null ? null : refund.toPlainString(), PaymentRules.refundKey(p)};
    }

    /** A payment's identity: its website and transaction id. */
    record Key(String websiteId, String transactionId) {

        static Key of(NewPayment payment) {
            return new Key(payment.websiteId(), payment.transactionId());
        }
    }
}
