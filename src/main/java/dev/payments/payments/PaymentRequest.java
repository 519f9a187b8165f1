package dev.payments.payments;

import dev.payments.currency.IsoCurrency;
import dev.payments.platform.http.WireText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The body of POST /api/v1/payments. Components are named as on the wire (DataFast's snake_case), so validation
 * errors name the fields the client sent. Unknown fields are ignored.
 */
@Schema(name = "PaymentRequest")
public record PaymentRequest(
        @Schema(description = "A JSON number or numeric string; at most 8 decimal places. Refunds are sent with "
                + "refunded=true, never as negative amounts", examples = "29.99", required = true)
        @NotNull(message = "is required")
        @DecimalMin(value = "0", message = "must be greater than or equal to 0")
        @DecimalMax(value = PaymentRequest.MAX_AMOUNT, message = "must be at most " + PaymentRequest.MAX_AMOUNT)
        // the integer part is bounded by @DecimalMax alone, so a large amount is told so, not told of decimals
        @Digits(integer = Integer.MAX_VALUE, fraction = 8, message = "must have at most 8 decimal places")
        BigDecimal amount,

        @Schema(description = "ISO 4217 code, any case", examples = "USD", required = true)
        @NotBlank(message = "is required") @IsoCurrency
        String currency,

        @Schema(minLength = 1, maxLength = 255, description = "Unique per website; the idempotency key: 1 to 255 "
                + "characters of valid Unicode text without NUL (U+0000)", examples = "payment_456", required = true)
        @NotNull(message = "is required")
        @CodePointLength(min = 1, max = 255, message = "must be 1 to 255 characters")
        @Pattern(regexp = WireText.PATTERN, message = WireText.MESSAGE)
        String transaction_id,

        @Schema(description = "The visitor's id from the datafast_visitor_id cookie",
                examples = "3cff4252-fa96-4fec-8b1b-b5695e763b65")
        @Size(min = 1, max = 128, message = "must be 1 to 128 characters")
        @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE)
        String datafast_visitor_id,

        @Schema(description = "The visitor's session id (DataFast's datafast_session_id); attributed like the visitor",
                examples = "s_3cff4252fa964fec")
        @Size(min = 1, max = 128, message = "must be 1 to 128 characters")
        @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE)
        String datafast_session_id,

        @Schema(maxLength = 255, description = "Alias of customer_email", examples = "customer@example.com")
        @CodePointLength(max = 255, message = "must be at most 255 characters")
        @Pattern(regexp = WireText.PATTERN, message = WireText.MESSAGE) String email,
        @Schema(maxLength = 255)
        @CodePointLength(max = 255, message = "must be at most 255 characters")
        @Pattern(regexp = WireText.PATTERN, message = WireText.MESSAGE) String customer_email,
        @Schema(maxLength = 255, description = "Alias of customer_name", examples = "Jane Doe")
        @CodePointLength(max = 255, message = "must be at most 255 characters")
        @Pattern(regexp = WireText.PATTERN, message = WireText.MESSAGE) String name,
        @Schema(maxLength = 255)
        @CodePointLength(max = 255, message = "must be at most 255 characters")
        @Pattern(regexp = WireText.PATTERN, message = WireText.MESSAGE) String customer_name,
        @Schema(maxLength = 255)
        @CodePointLength(max = 255, message = "must be at most 255 characters")
        @Pattern(regexp = WireText.PATTERN, message = WireText.MESSAGE) String customer_id,

        @Schema(description = "Default false") Boolean renewal,
        @Schema(description = "Default false; true means this payload is a refund") Boolean refunded,

        @Schema(description = "With refunded=true only: the total refunded so far, in the payment's currency; above 0 "
                + "and at most the amount, at most 8 decimal places. Absent: the whole amount. Cumulative: resending "
                + "a total changes nothing, a lower one is skipped, each increase is a refund of the difference at "
                + "the time it arrives", examples = "7.5", nullable = true)
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = PaymentRequest.MAX_AMOUNT, message = "must be at most " + PaymentRequest.MAX_AMOUNT)
        @Digits(integer = Integer.MAX_VALUE, fraction = 8, message = "must have at most 8 decimal places")
        BigDecimal refunded_amount,
        @Schema(description = "Default: true when amount is 0, else false") Boolean is_free_trial,

        @Schema(description = "ISO 8601 instant with offset; defaults to the time of the request; at most a day "
                + "in the future", examples = "2026-05-19T12:00:00Z")
        @Size(max = 64, message = "must be an ISO 8601 instant") String timestamp) {

    static final String MAX_AMOUNT = "999999999999.99999999";
    /** Printable ASCII, written so that it means the same in Java and in ECMA-262 (the OpenAPI document's regexes). */
    static final String PRINTABLE = "^[\\x20-\\x7E]+$";
    static final String PRINTABLE_MESSAGE = "must be printable ASCII characters";
}
