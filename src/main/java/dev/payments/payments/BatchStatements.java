package dev.payments.payments;

import dev.payments.currency.Conversion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The two statements of a batch of new payments: any number of rows each, one array parameter per column. */
final class BatchStatements {

    /**
     * The reporting currency is the website row's, not the cached snapshot's: if the two differ (a currency change
     * not yet seen by this instance's cache), the conversion made for the snapshot is not stored and the payment is
     * pending until converted to the right currency. Of rows with one transaction id, the first in the batch wins.
     */
    private static final String INSERT = """
            insert into payment (website_id, transaction_id, amount, currency, visitor_id, customer_email,
                                 customer_name, customer_id, renewal, refunded, refunded_at, free_trial, occurred_at,
                                 reporting_currency, reporting_amount, reporting_rate, rate_date)
            select w.id, v.transaction_id, v.amount::numeric, v.currency, v.visitor_id, v.customer_email,
                   v.customer_name, v.customer_id, v.renewal::boolean, v.refunded::boolean,
                   v.refunded_at::timestamptz, v.free_trial::boolean, v.occurred_at::timestamptz, w.currency,
                   case when w.currency = v.reporting_currency then v.reporting_amount::numeric end,
                   case when w.currency = v.reporting_currency then v.reporting_rate::numeric end,
                   case when w.currency = v.reporting_currency then v.rate_date::date end
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[])
                 with ordinality as v(website_id, transaction_id, amount, currency, visitor_id, customer_email,
                                      customer_name, customer_id, renewal, refunded, refunded_at, free_trial,
                                      occurred_at, reporting_currency, reporting_amount, reporting_rate, rate_date,
                                      position)
            join website w on w.id = v.website_id
            order by v.position
            on conflict (website_id, transaction_id) do nothing
            returning website_id, transaction_id""";
    /** Read back in the same batch: the rows whose transaction ids were stored already, to answer duplicates. */
    private static final String READ = """
            select p.website_id, p.transaction_id, p.visitor_id is null, p.refunded
            from payment p join unnest(?::text[], ?::text[]) as k(website_id, transaction_id)
                 on p.website_id = k.website_id and p.transaction_id = k.transaction_id""";
    private static final int COLUMNS = 17;

    private BatchStatements() {
    }

    /** The identities of the rows inserted, in one autocommitted statement. */
    static Set<Key> insert(Connection connection, List<NewPayment> batch) throws SQLException {
        String[][] columns = new String[COLUMNS][batch.size()];
        for (int row = 0; row < batch.size(); row++) {
            String[] values = values(batch.get(row));
            for (int column = 0; column < COLUMNS; column++) {
                columns[column][row] = values[column];
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int column = 0; column < COLUMNS; column++) {
                insert.setArray(column + 1, connection.createArrayOf("text", columns[column]));
            }
            Set<Key> inserted = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(new Key(rows.getString(1), rows.getString(2)));
                }
            }
            return inserted;
        }
    }

    /** What the stored rows of these payments' identities may still change; a missing one has been deleted. */
    static Map<Key, StoredPayment> read(Connection connection, List<NewPayment> known) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setArray(1, connection.createArrayOf("text",
                    known.stream().map(NewPayment::websiteId).toArray()));
            read.setArray(2, connection.createArrayOf("text",
                    known.stream().map(NewPayment::transactionId).toArray()));
            Map<Key, StoredPayment> stored = new HashMap<>();
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    stored.put(new Key(rows.getString(1), rows.getString(2)),
                            new StoredPayment(rows.getBoolean(3), rows.getBoolean(4)));
                }
            }
            return stored;
        }
    }

    /** The columns of the insert, as text: PostgreSQL casts them to the columns' types. */
    private static String[] values(NewPayment p) {
        Conversion conversion = p.conversion();
        return new String[] {p.websiteId(), p.transactionId(), p.amount().toPlainString(), p.currency(), p.visitorId(),
            p.customerEmail(), p.customerName(), p.customerId(), String.valueOf(p.renewal()),
            String.valueOf(p.refunded()), p.refunded() ? p.receivedAt().toString() : null,
            String.valueOf(p.freeTrial()), p.occurredAt().toString(), p.reportingCurrency(),
            conversion == null ? null : conversion.amount().toPlainString(),
            conversion == null ? null : conversion.rate().toPlainString(),
            conversion == null ? null : conversion.rateDate().toString()};
    }

    /** A payment's identity: its website and transaction id. */
    record Key(String websiteId, String transactionId) {

        static Key of(NewPayment payment) {
            return new Key(payment.websiteId(), payment.transactionId());
        }
    }
}
