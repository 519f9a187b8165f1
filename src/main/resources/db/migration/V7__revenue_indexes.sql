-- GET /api/v1/revenue sums a website's payments by time: the payment-time index carries what the sums read, so that
-- they are an index-only scan (newest-first pages use it as before).
create index payment_time_covering_idx on payment (website_id, occurred_at desc, id desc)
    include (reporting_amount, reporting_currency, renewal, free_trial);
drop index payment_time_idx;
alter index payment_time_covering_idx rename to payment_time_idx;
-- ... and refunds by the time of their refund.
create index payment_refund_time_idx on payment (website_id, refunded_at) where refunded;
