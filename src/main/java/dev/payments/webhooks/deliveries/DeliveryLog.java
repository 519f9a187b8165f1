package dev.payments.webhooks.deliveries;

import dev.payments.platform.database.Jdbc;
import dev.payments.webhooks.deliveries.WebhookMetrics.Outcome;
import dev.payments.webhooks.providers.HexHmac;
import dev.payments.webhooks.providers.Provider;
import dev.payments.webhooks.providers.ProviderEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The verified deliveries of each website and provider (webhook_delivery), which make each event processed once: a
 * delivery claims its event id before it records anything, and a second delivery of the event finds the claim taken.
 * A claim is released (its row marked failed) when processing fails, so that the provider's retry is processed; a claim
 * left processing by an instance that died is taken over after {@link #ABANDONED}, and one older than the retention
 * counts as forgotten. Each statement commits on its own.
 */
@ApplicationScoped
public class DeliveryLog {

    static final String PROCESSING = "processing";
    /** Far beyond the request deadline (15 s): a claim still processing this long after belongs to no live request. */
    static final Duration ABANDONED = Duration.ofMinutes(2);
    private static final int TEXT = 255;
    private static final int MESSAGE = 1000;
    private static final String CLAIM = """
            insert into webhook_delivery (website_id, provider, event_id, event_type, outcome, received_at)
            values (?, ?, ?, ?, 'processing', ?)
            on conflict (website_id, provider, event_id) where outcome not in ('duplicate', 'failed')
            do update set event_type = excluded.event_type, outcome = 'processing', message = null,
                          transaction_id = null, received_at = excluded.received_at
            where (webhook_delivery.outcome = 'processing' and webhook_delivery.received_at < ?)
               or webhook_delivery.received_at < ?
            returning id""";
    private static final String DUPLICATE = """
            insert into webhook_delivery (website_id, provider, event_id, event_type, outcome, message, received_at)
            values (?, ?, ?, ?, 'duplicate', ?, ?)""";
    private static final String SETTLE = "update webhook_delivery set outcome = ?, message = ?, transaction_id = ? "
            + "where id = ?";
    private static final String RECENT = """
            select event_type, event_id, received_at, outcome, message, transaction_id from webhook_delivery
            where website_id = ? and provider = ? order by received_at desc, id desc limit ?""";

    /** A verified delivery: its event's id as {@link ProviderEvents#eventId} gives it, and its type. */
    public record Delivery(String websiteId, Provider provider, String eventId, String type) {

        /** The id kept: a printable one of at most 255 characters as it is, any other by its SHA-256. */
        String key() {
            return eventId.length() <= TEXT && printable(eventId, TEXT).equals(eventId) ? eventId
                    : "sha256:" + HexHmac.sha256Hex(eventId.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Inject
    Jdbc jdbc;

    @Inject
    DeliveryConfig config;

    /** The claim's id; empty when the event was already processed, or is being processed now. */
    public Optional<Long> claim(Delivery delivery) {
        Instant now = Instant.now();
        return jdbc.single(CLAIM, Jdbc.values(delivery.websiteId(), delivery.provider().wire(), delivery.key(),
                printable(delivery.type(), TEXT), now, now.minus(ABANDONED), now.minus(config.retention())),
                claimed -> claimed.getLong(1));
    }

    /** Lists a redelivery of an event already processed. */
    public void duplicate(Delivery delivery, String reason) {
        jdbc.update(DUPLICATE, Jdbc.values(delivery.websiteId(), delivery.provider().wire(), delivery.key(),
                printable(delivery.type(), TEXT), printable(reason, MESSAGE), Instant.now()));
    }

    public void settle(long claim, Outcome outcome, String message, String transactionId) {
        jdbc.update(SETTLE, Jdbc.values(outcome.name().toLowerCase(Locale.ROOT), printable(message, MESSAGE),
                printable(transactionId, TEXT), claim));
    }

    /** The claim is given up: the event's next delivery is processed. */
    public void release(long claim, String reason) {
        settle(claim, Outcome.FAILED, reason, null);
    }

    public List<DeliveryView> recent(String websiteId, Provider provider) {
        return jdbc.query(RECENT, Jdbc.values(websiteId, provider.wire(), config.deliveriesKept()),
                row -> new DeliveryView(row.getString(1), row.getString(2),
                        row.getObject(3, OffsetDateTime.class).toInstant(), row.getString(4), row.getString(5),
                        row.getString(6)));
    }

    /** Text a provider chose, as a column can hold it: control characters (NUL among them) replaced, cut to size. */
    private static String printable(String text, int max) {
        if (text == null) {
            return null;
        }
        String printable = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= max ? printable : printable.substring(0, max);
    }
}
