package dev.payments.payments.reading;

import dev.payments.platform.database.Jdbc;
import dev.payments.platform.database.Reports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages of payments, newest first, read with one autocommitted statement straight into {@link PaymentView}s: reads
 * need neither a JTA transaction nor entities (profiled, those were most of a page's cost: bench/RESULTS.md).
 */
@ApplicationScoped
public class PaymentReads {

    private static final String PAGE = """
            select id, transaction_id, amount, currency, reporting_amount, reporting_currency, visitor_id, session_id,
                   customer_email, customer_name, customer_id, renewal, refunded, refunded_at, free_trial, occurred_at,
                   refunded_amount
            from payment
            where website_id = ?""";

    /** A page of payments, and the cursor after its last one when more follow. */
    public record Slice(List<PaymentView> payments, Cursor next) {
    }

    @Inject
    @Reports
    Jdbc jdbc;

    public Slice page(String websiteId, PaymentQuery query) {
        StringBuilder sql = new StringBuilder(PAGE);
        List<Object> params = new ArrayList<>(List.of(websiteId));
        query.filter().appendTo(sql, params);
        if (query.cursor() != null) {
            sql.append(" and (occurred_at, id) < (?, ?)");
            params.add(query.cursor().occurredAt());
            params.add(query.cursor().id());
        }
        sql.append(" order by occurred_at desc, id desc limit ?");
        params.add(query.limit() + 1);
        List<IdentifiedView> rows = jdbc.query(sql.toString(), Jdbc.values(params.toArray()),
                row -> new IdentifiedView(row.getLong(1), view(row)));
        if (rows.size() <= query.limit()) {
            return new Slice(rows.stream().map(IdentifiedView::view).toList(), null);
        }
        // one row more than the page: more follow
        List<IdentifiedView> page = rows.subList(0, query.limit());
        IdentifiedView last = page.get(page.size() - 1);
        return new Slice(page.stream().map(IdentifiedView::view).toList(),
                new Cursor(last.view().timestamp(), last.id()));
    }

    /** A row read, with the id its page's cursor may need. */
    private record IdentifiedView(long id, PaymentView view) {
    }

    private static PaymentView view(ResultSet row) throws SQLException {
        return new PaymentView(row.getString(2), plain(row.getBigDecimal(3)), row.getString(4),
                plain(row.getBigDecimal(5)), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                row.getString(10), row.getString(11), row.getBoolean(12), row.getBoolean(13), instant(row, 14),
                plain(row.getBigDecimal(17)), row.getBoolean(15), instant(row, 16));
    }

    private static BigDecimal plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros();
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
