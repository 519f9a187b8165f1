-- ECB euro reference rates: units of a currency per 1 EUR, one row per published day and currency
create table exchange_rate (
    rate_date date           not null,
    currency  varchar(3)     not null,
    per_euro  numeric(18, 6) not null check (per_euro > 0),
    primary key (rate_date, currency)
);

-- Each payment converted to its website's reporting currency; reporting_amount null = pending (no rate yet)
alter table payment
    add column reporting_currency varchar(3),
    add column reporting_amount   numeric(30, 8),
    add column reporting_rate     numeric(30, 10),
    add column rate_date          date;

update payment p set reporting_currency = w.currency from website w where w.id = p.website_id;
alter table payment alter column reporting_currency set not null;

create index payment_pending_idx on payment (id) where reporting_amount is null;
