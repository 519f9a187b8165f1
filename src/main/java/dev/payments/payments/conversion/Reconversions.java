package dev.payments.payments.conversion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After a website's reporting currency changes, its payments are reset to pending in the new currency, in chunks of
 * {@value #CHUNK} (each a short statement, whatever the website's size), walking its payments newest first; the
 * pending pass then converts them. The website stays flagged until every payment is reset, so a pass cut short is
 * resumed by the next one. The insert path locks the website row while it writes, so no payment in the old currency
 * can commit after the change: once the change is committed, this finds every payment it has to reset.
 */
final class Reconversions {

    private static final int CHUNK = 1000;
    private static final String FLAGGED = "select id, currency from website where reconversion_pending order by id";
    private static final String NEXT_CHUNK = """
            select id, occurred_at::text from payment
            where website_id = ? and (occurred_at, id) < (?::timestamptz, ?)
            order by occurred_at desc, id desc limit ?""";
    private static final String RESET = """
            update payment set reporting_currency = ?, reporting_amount = null, reporting_rate = null, rate_date = null,
                               conversion_tried_at = '-infinity'
            where website_id = ? and id = any(?) and reporting_currency <> ?""";
    private static final String DONE = "update website set reconversion_pending = false where id = ? and currency = ?";

    private Reconversions() {
    }

    /** Resets the payments of every flagged website; returns how many were reset. */
    static long resetFlagged(Connection connection) throws SQLException {
        Map<String, String> flagged = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(FLAGGED); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                flagged.put(rows.getString(1), rows.getString(2));
            }
        }
        long reset = 0;
        for (Map.Entry<String, String> website : flagged.entrySet()) {
            reset += reset(connection, website.getKey(), website.getValue());
        }
        return reset;
    }

    private static long reset(Connection connection, String websiteId, String currency) throws SQLException {
        String occurredAt = "infinity";
        long id = Long.MAX_VALUE;
        long reset = 0;
        try (PreparedStatement next = connection.prepareStatement(NEXT_CHUNK);
                PreparedStatement update = connection.prepareStatement(RESET)) {
            while (true) {
                next.setString(1, websiteId);
                next.setString(2, occurredAt);
                next.setLong(3, id);
                next.setInt(4, CHUNK);
                List<Long> ids = new ArrayList<>(CHUNK);
                try (ResultSet rows = next.executeQuery()) {
                    while (rows.next()) {
                        id = rows.getLong(1);
                        occurredAt = rows.getString(2);
                        ids.add(id);
                    }
                }
                if (ids.isEmpty()) {
                    break;
                }
                update.setString(1, currency);
                update.setString(2, websiteId);
                update.setArray(3, connection.createArrayOf("bigint", ids.toArray()));
                update.setString(4, currency);
                reset += update.executeUpdate();
            }
        }
        try (PreparedStatement done = connection.prepareStatement(DONE)) {
            done.setString(1, websiteId);
            done.setString(2, currency);
            done.executeUpdate();
        }
        return reset;
    }
}
