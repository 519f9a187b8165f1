package dev.payments.revenue;

import java.math.BigDecimal;

/** What one bucket (or the whole range) adds up to so far, exactly. */
final class BucketSums {

    BigDecimal newRevenue = BigDecimal.ZERO;
    BigDecimal renewal = BigDecimal.ZERO;
    BigDecimal refund = BigDecimal.ZERO;
    long payments;
    long renewals;
    long refunds;
    long freeTrials;
    long pending;

    void add(BucketSums other) {
        newRevenue = newRevenue.add(other.newRevenue);
        renewal = renewal.add(other.renewal);
        refund = refund.add(other.refund);
        payments += other.payments;
        renewals += other.renewals;
        refunds += other.refunds;
        freeTrials += other.freeTrials;
        pending += other.pending;
    }

    BigDecimal net() {
        return newRevenue.add(renewal).subtract(refund);
    }

    RevenueReport.Bucket toBucket(String start) {
        return new RevenueReport.Bucket(start, plain(newRevenue), plain(renewal), plain(refund), plain(net()),
                payments, renewals, refunds, freeTrials);
    }

    RevenueReport.Totals toTotals(long customers, long visitors) {
        return new RevenueReport.Totals(plain(newRevenue), plain(renewal), plain(refund), plain(net()), payments,
                renewals, refunds, freeTrials, customers, visitors, pending);
    }

    /** 120.50 as 120.5 and 0E-8 as 0, as amounts are shown everywhere else. */
    private static BigDecimal plain(BigDecimal amount) {
        return amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    }
}
