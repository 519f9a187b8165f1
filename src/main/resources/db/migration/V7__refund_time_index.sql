-- Revenue sums refunds by the time of their refund (GET /api/v1/revenue): refunded payments of a website by that time.
create index payment_refund_time_idx on payment (website_id, refunded_at) where refunded;
