package dev.payments.payments.reading;

import dev.payments.platform.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** The opaque position after the last payment of a page: its timestamp and id (newest first, ties by id). */
public record Cursor(Instant occurredAt, long id) {

    private static final String VERSION = "v1";

    public String encode() {
        String raw = VERSION + ":" + occurredAt.getEpochSecond() + ":" + occurredAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    static Cursor decode(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor layout");
            }
            Instant occurredAt = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            if (!TimeRange.isQueryable(occurredAt)) {
                throw new IllegalArgumentException("no payment is ever at " + occurredAt);
            }
            return new Cursor(occurredAt, Long.parseLong(parts[3]));
        } catch (RuntimeException e) {
            throw ApiException.badRequest("cursor is invalid; pass next_cursor from the previous page unchanged", "cursor");
        }
    }
}
