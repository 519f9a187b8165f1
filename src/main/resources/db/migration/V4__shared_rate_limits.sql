-- Per-key request quotas shared by every instance: Bucket4j's buckets (PostgreSQL backend, SELECT ... FOR UPDATE),
-- one row per key or token, removed once expired (a bucket left alone refills; its row is no longer needed).
create table rate_limit_bucket (
    id         varchar(64) primary key,
    state      bytea,
    expires_at bigint
);
