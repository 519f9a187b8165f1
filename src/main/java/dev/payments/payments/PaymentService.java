package dev.payments.payments;

import dev.payments.account.directory.WebsiteDeleting;
import dev.payments.account.directory.WebsiteSnapshot;
import dev.payments.currency.Conversion;
import dev.payments.currency.Currencies;
import dev.payments.currency.ExchangeRates;
import dev.payments.payments.reading.Aliases;
import dev.payments.payments.reading.ExportPages;
import dev.payments.payments.reading.PaymentFilter;
import dev.payments.payments.reading.PaymentPage;
import dev.payments.payments.reading.PaymentQuery;
import dev.payments.payments.reading.PaymentReads;
import dev.payments.payments.reading.TimeRange;
import dev.payments.payments.writing.BatchOutcome;
import dev.payments.payments.writing.Completeness;
import dev.payments.payments.writing.CreateOutcome;
import dev.payments.payments.writing.NewPayment;
import dev.payments.payments.writing.PaymentWriter;
import dev.payments.payments.writing.Positioned;
import dev.payments.platform.database.Jdbc;
import dev.payments.platform.errors.ApiException;
import dev.payments.platform.errors.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The rules of recording, reading and deleting payments; every write is one transaction, every page one statement. */
@ApplicationScoped
public class PaymentService {

    private static final Duration MAX_FUTURE = Duration.ofDays(1);
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final int DELETE_CHUNK = 10_000;
    private static final String TOMBSTONES = """
            insert into deleted_transaction (website_id, transaction_id, deleted_at)
            select website_id, transaction_id, now() from erased
            on conflict (website_id, transaction_id) do update set deleted_at = excluded.deleted_at""";

    @Inject
    PaymentWriter writer;

    @Inject
    PaymentReads reads;

    @Inject
    Jdbc jdbc;

    @Inject
    ExchangeRates rates;

    @Inject
    Event<PaymentEvents.Recorded> recorded;

    @Inject
    Event<PaymentEvents.Deleted> deleted;

    /**
     * Returns only once the outcome is committed. Not in a JTA transaction: {@link PaymentWriter} commits each write
     * itself, a new payment being one autocommitted statement.
     */
    public CreateOutcome record(WebsiteSnapshot website, PaymentRequest request) throws SQLException {
        Instant now = Instant.now();
        return write(normalize(website, request, now, now, null, Completeness.PAYMENT));
    }

    /**
     * A payment, refund or trial a provider's event reported, recorded as a POST of {@code request} would be; a refund
     * is dated {@code refundedAt} (the provider's time of the refund), and is, with a {@code refundKey} (the provider's
     * id of a refund it reports as an amount of its own: a lost dispute, say), a refund of {@code refunded_amount}
     * counted once rather than a cumulative total; {@code completeness} says how much of the payment the event knows.
     */
    public CreateOutcome recordFromProvider(WebsiteSnapshot website, PaymentRequest request, Instant refundedAt,
            String refundKey, Completeness completeness) throws SQLException {
        return write(normalize(website, request, Instant.now(), refundedAt, refundKey, completeness));
    }

    /**
     * Records each request as {@link #record} would, their new rows written together (a thousand take a handful of
     * statements); a request the rules refuse (a timestamp too far ahead, say) gets its failure and stores nothing.
     * One outcome per request, at its position.
     */
    public List<Positioned<BatchOutcome>> recordAll(WebsiteSnapshot website, List<Positioned<PaymentRequest>> requests)
            throws SQLException {
        Instant now = Instant.now();
        List<Positioned<BatchOutcome>> outcomes = new ArrayList<>(requests.size());
        List<Positioned<NewPayment>> valid = new ArrayList<>();
        for (Positioned<PaymentRequest> request : requests) {
            try {
                valid.add(request.with(normalize(website, request.item(), now, now, null, Completeness.PAYMENT)));
            } catch (ApiException e) {
                outcomes.add(request.with(BatchOutcome.of(Failure.of(e))));
            }
        }
        List<Positioned<BatchOutcome>> written = valid.isEmpty() ? List.of() : writer.writeAll(valid);
        for (Positioned<BatchOutcome> outcome : written) {
            if (outcome.item().outcome() != null) {
                recorded.fire(new PaymentEvents.Recorded(outcome.item().outcome()));
            }
        }
        outcomes.addAll(written);
        return outcomes;
    }

    private CreateOutcome write(NewPayment payment) throws SQLException {
        CreateOutcome outcome = writer.write(payment);
        recorded.fire(new PaymentEvents.Recorded(outcome));
        return outcome;
    }

    public PaymentPage list(String websiteId, PaymentQuery query) {
        PaymentReads.Slice slice = reads.page(websiteId, query);
        return new PaymentPage(slice.payments(), query.limit(), slice.next() == null ? null : slice.next().encode());
    }

    /** Every payment matching the filter, newest first, read a page at a time as the caller asks for them. */
    public ExportPages export(String websiteId, PaymentFilter filter) {
        return new ExportPages(reads, websiteId, filter);
    }

    /**
     * {@code principalId}: the key or token asking, for the audit log. The transaction ids deleted are kept
     * (deleted_transaction), so that providers' deliveries about them are ignored for a while
     * (webhooks.deliveries.DeletedTransactions).
     */
    @Transactional
    public DeleteResult delete(String principalId, String websiteId, PaymentFilter filter) {
        if (filter.transactionId() == null && filter.visitorId() == null && !filter.range().isClosed()) {
            throw ApiException.badRequest(filter.range().isEmpty()
                    ? "a delete must name what it deletes: transaction_id, datafast_visitor_id, or startAt and endAt"
                    : "startAt and endAt are both required when deleting by time range alone", "startAt", "endAt");
        }
        long count = deleteWhere(websiteId, filter);
        if (filter.transactionId() != null && count == 0) {
            throw ApiException.notFound("no payment with transaction_id " + filter.transactionId());
        }
        deleted.fire(new PaymentEvents.Deleted(principalId, websiteId, filter, count));
        return filter.transactionId() != null ? DeleteResult.ofTransaction(filter.transactionId())
                : DeleteResult.of(filter, count);
    }

    /** In the caller's transaction: the pool's connection takes part in it. Each payment deleted leaves a tombstone. */
    private long deleteWhere(String websiteId, PaymentFilter filter) {
        StringBuilder sql = new StringBuilder("with erased as (delete from payment where website_id = ?");
        List<Object> values = new ArrayList<>(List.of(websiteId));
        filter.appendTo(sql, values);
        sql.append(" returning website_id, transaction_id) ").append(TOMBSTONES);
        return jdbc.update(sql.toString(), Jdbc.values(values.toArray()));
    }

    /**
     * Deletes every payment of a website about to be deleted, in the deleting transaction (which locks the website
     * row, so that none is inserted meanwhile), in chunks: each statement stays short, whatever the website's size.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void deleteAllOf(@Observes WebsiteDeleting deleting) {
        String websiteId = deleting.websiteId();
        long count = 0;
        int chunk;
        do {
            chunk = jdbc.update("""
                    delete from payment where website_id = ?
                    and id in (select id from payment where website_id = ? limit ?)""",
                    Jdbc.values(websiteId, websiteId, DELETE_CHUNK));
            count += chunk;
        } while (chunk == DELETE_CHUNK);
        deleted.fire(new PaymentEvents.Deleted(deleting.principalId(), websiteId, null, count));
    }

    private NewPayment normalize(WebsiteSnapshot website, PaymentRequest r, Instant now, Instant refundedAt,
            String refundKey, Completeness completeness) {
        Instant occurredAt = r.timestamp() == null ? now : TimeRange.instant(r.timestamp(), "timestamp");
        if (occurredAt.isAfter(now.plus(MAX_FUTURE))) {
            throw ApiException.badRequest("timestamp must not be more than a day in the future", "timestamp");
        }
        if (occurredAt.isBefore(EARLIEST)) {
            throw ApiException.badRequest("timestamp must not be before 1970-01-01T00:00:00Z", "timestamp");
        }
        boolean refunded = Boolean.TRUE.equals(r.refunded());
        if (r.refunded_amount() != null && !refunded) {
            throw ApiException.badRequest("refunded_amount is only accepted with refunded=true", "refunded_amount");
        }
        if (r.refunded_amount() != null && r.refunded_amount().compareTo(r.amount()) > 0) {
            throw ApiException.badRequest("refunded_amount must be at most the amount", "refunded_amount");
        }
        boolean freeTrial = r.is_free_trial() != null ? r.is_free_trial() : r.amount().signum() == 0;
        String currency = Currencies.normalize(r.currency());
        Conversion conversion = rates.convert(r.amount(), currency, website.currency(),
                LocalDate.ofInstant(occurredAt, ZoneOffset.UTC)).orElse(null);
        return new NewPayment(website.id(), r.transaction_id(), r.amount(), currency,
                r.datafast_visitor_id(), r.datafast_session_id(),
                Aliases.pick(r.email(), "email", r.customer_email(), "customer_email"),
                Aliases.pick(r.name(), "name", r.customer_name(), "customer_name"),
                r.customer_id(), Boolean.TRUE.equals(r.renewal()), refunded,
                refunded ? (r.refunded_amount() != null ? r.refunded_amount() : r.amount()) : null,
                refunded ? refundKey : null, freeTrial,
                occurredAt, refundedAt, website.currency(), conversion, completeness);
    }
}
