-- One payment-shaped row per transaction into the service's own payment table (same unique key), as the service
-- would write it; a random 63-bit suffix makes every transaction id new. Variables: :website (pgbench -D).
\set r random(1, 9223372036854775806)
INSERT INTO payment (website_id, transaction_id, amount, currency, visitor_id, renewal, refunded, free_trial,
                     occurred_at, reporting_currency, reporting_amount, reporting_rate, rate_date)
VALUES (:website, 'pg_' || :client_id::text || '_' || :r::text, 29.99, 'USD',
        'v_pg_' || :r::text, false, false, false, now(), 'USD', 29.99, 1, current_date)
ON CONFLICT (website_id, transaction_id) DO NOTHING;
