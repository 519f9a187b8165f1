create table website (
    id                 varchar(24)  primary key,
    domain             varchar(253) not null unique,
    name               varchar(255) not null,
    currency           varchar(3)   not null,
    timezone           varchar(64)  not null,
    tracking_suspended boolean      not null default false,
    created_at         timestamptz  not null
);

-- df_ keys: one website each; only the SHA-256 of the raw key is kept
create table website_key (
    id           varchar(24)  primary key,
    website_id   varchar(24)  not null references website (id) on delete cascade,
    name         varchar(100) not null,
    key_hash     varchar(64)  not null unique,
    display_key  varchar(32)  not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz
);
create index website_key_website_idx on website_key (website_id);

-- dft_ tokens: an empty website_ids array means every website
create table account_token (
    id           varchar(24)  primary key,
    name         varchar(100) not null,
    token_hash   varchar(64)  not null unique,
    display_key  varchar(32)  not null,
    permissions  text[]       not null,
    website_ids  text[]       not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz
);

create table payment (
    id             bigint generated always as identity primary key,
    website_id     varchar(24)    not null references website (id) on delete cascade,
    transaction_id varchar(255)   not null,
    amount         numeric(20, 8) not null check (amount >= 0),
    currency       varchar(3)     not null,
    visitor_id     varchar(128),
    customer_email varchar(255),
    customer_name  varchar(255),
    customer_id    varchar(255),
    renewal        boolean        not null,
    refunded       boolean        not null,
    refunded_at    timestamptz,
    free_trial     boolean        not null,
    occurred_at    timestamptz    not null,
    created_at     timestamptz    not null default now(),
    constraint payment_website_transaction_uq unique (website_id, transaction_id)
);
-- reads and deletes by visitor (optionally within a time range), and newest-first pages by time
create index payment_visitor_idx on payment (website_id, visitor_id, occurred_at);
create index payment_time_idx on payment (website_id, occurred_at desc, id desc);
create index payment_customer_idx on payment (website_id, customer_id);
