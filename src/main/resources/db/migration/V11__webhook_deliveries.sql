-- Provider deliveries, processed once (contract section 8): one row per verified delivery, newest listed first for
-- troubleshooting (webhooks.DeliveryLog). A delivery claims its event id by inserting its row as 'processing' before it
-- records anything; the partial unique index lets one claim stand per event, while 'duplicate' rows (a redelivery) and
-- 'failed' ones (released, so that the provider's retry is processed) may repeat an event id. Never the body, its
-- personal data or the secret: the event's type and id, the outcome, its message and the transaction id.
create table webhook_delivery (
    id             bigint generated always as identity primary key,
    website_id     varchar(24)  not null references website (id) on delete cascade,
    provider       varchar(16)  not null,
    event_id       varchar(255) not null,
    event_type     varchar(255),
    outcome        varchar(16)  not null,
    message        varchar(1000),
    transaction_id varchar(255),
    received_at    timestamptz  not null
);
create unique index webhook_delivery_event_uq on webhook_delivery (website_id, provider, event_id)
    where outcome not in ('duplicate', 'failed');
create index webhook_delivery_recent_idx on webhook_delivery (website_id, provider, received_at desc, id desc);
create index webhook_delivery_age_idx on webhook_delivery (received_at);

-- Transaction ids of payments deleted through DELETE /api/v1/payments, kept for the retention period (30 days) so that
-- a provider's retry or a replayed delivery never brings erased data back; they go with their website.
create table deleted_transaction (
    website_id     varchar(24)  not null references website (id) on delete cascade,
    transaction_id varchar(255) not null,
    deleted_at     timestamptz  not null,
    primary key (website_id, transaction_id)
);
create index deleted_transaction_age_idx on deleted_transaction (deleted_at);
