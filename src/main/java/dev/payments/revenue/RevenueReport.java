package dev.payments.revenue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The item of GET /api/v1/revenue: sums in the website's reporting currency, in total and per bucket. */
@Schema(name = "Revenue", requiredProperties = {"currency", "timezone", "interval", "totals", "timeseries"})
public record RevenueReport(
        @Schema(description = "The website's reporting currency", examples = "EUR") String currency,
        @Schema(examples = "Europe/Paris") String timezone,
        @Schema(enumeration = {"hour", "day", "week", "month"}) String interval,
        Totals totals,
        List<Bucket> timeseries) {

    /** What the whole range adds up to. */
    @Schema(name = "RevenueTotals", requiredProperties = {"new", "renewal", "refund", "net", "payments", "renewals",
        "refunds", "free_trials", "customers", "visitors", "pending"})
    public record Totals(
            @JsonProperty("new") @Schema(description = "Payments that are not renewals, by payment time",
                    examples = "120.5") BigDecimal newRevenue,
            @Schema(description = "Renewals, by payment time", examples = "30") BigDecimal renewal,
            @Schema(description = "Refunded payments, by refund time", examples = "20") BigDecimal refund,
            @Schema(description = "new + renewal - refund", examples = "130.5") BigDecimal net,
            @Schema(description = "Payments summed in new or renewal") long payments,
            @Schema(description = "Of which renewals") long renewals,
            @Schema(description = "Refunds summed in refund") long refunds,
            @Schema(description = "Free trials: counted, never summed") long free_trials,
            @Schema(description = "Distinct customer ids (else emails) of the payments") long customers,
            @Schema(description = "Distinct visitor ids of the payments") long visitors,
            @Schema(description = "Payments and refunds left out of every sum: their conversion to the reporting "
                    + "currency is still pending") long pending) {
    }

    /** One bucket of the time series. */
    @Schema(name = "RevenueBucket", requiredProperties = {"start", "new", "renewal", "refund", "net", "payments",
        "renewals", "refunds", "free_trials"})
    public record Bucket(
            @Schema(description = "Local start of the bucket, with its offset", examples = "2026-05-01T00:00:00+02:00")
            String start,
            @JsonProperty("new") @Schema(examples = "120.5") BigDecimal newRevenue,
            @Schema(examples = "30") BigDecimal renewal,
            @Schema(examples = "20") BigDecimal refund,
            @Schema(examples = "130.5") BigDecimal net,
            long payments, long renewals, long refunds, long free_trials) {
    }
}
