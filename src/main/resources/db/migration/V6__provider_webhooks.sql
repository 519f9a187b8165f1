-- Provider webhooks (contract section 8): per website and provider, the signing secret, stored as "plain:<secret>" or,
-- when PAYMENTS_ENCRYPTION_KEY is set, "aes-gcm:<base64 of nonce and ciphertext>" (webhooks.SecretCipher).
create table webhook_integration (
    website_id     varchar(24) not null references website (id) on delete cascade,
    provider       varchar(16) not null,
    signing_secret text        not null,
    created_at     timestamptz not null,
    last_event_at  timestamptz,
    primary key (website_id, provider)
);

-- How much of a payment's own data its row holds (payments.Completeness): 0 when a provider's refund arrived before
-- the payment, 1 when a checkout arrived before the invoice it paid, 2 from the payment itself (every POST). An event
-- of higher completeness restates the payment's fields, so out-of-order webhooks end as in-order ones do.
alter table payment add column completeness smallint not null default 2;
