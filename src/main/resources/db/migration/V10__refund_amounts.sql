-- Refunds as amounts (POST's cumulative refunded_amount): each increase of a payment's refunded total is kept as one
-- refund, its amount (in the payment's currency) and time, so that revenue counts each where it happened. The
-- refunds are arrays beside the payment's own columns, one element per refund in the order they were recorded:
-- revenue_parts reads a payment's row alone, so the revenue triggers keep working as they did. refund_keys holds,
-- for a refund a provider reports as an amount of its own (a lost dispute, one adjustment), its id, so that it counts
-- once; '' for a refund reported as a cumulative total. refunded_amount is their sum (null: never refunded); refunded
-- becomes true once it reaches the amount, refunded_at is the time of the latest refund.
alter table payment
    add column refunded_amount numeric(20, 8),
    add column refund_amounts  numeric(20, 8)[] not null default '{}',
    add column refund_times    timestamptz[]    not null default '{}',
    add column refund_keys     text[]           not null default '{}';

-- Today's refunds were whole: one refund of the amount at refunded_at. revenue_parts, replaced below, gives such a
-- payment exactly the parts it gave before (see refund_reporting), so the revenue sums already kept stay true; the
-- update changes nothing the revenue triggers read yet.
update payment set refunded_amount = amount, refund_amounts = array[amount], refund_times = array[refunded_at],
                   refund_keys = array['']
where refunded;

-- The number of decimals of a currency's minor unit, as ISO 4217 has it (java.util.Currency in the service; a test
-- compares the two for every currency).
create function minor_units(currency varchar) returns int language sql immutable parallel safe as $$
    select case
               when currency in ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI',
                                 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
                                 -- withdrawn, still known to Java
                                 'ADP', 'BEF', 'BYB', 'BYR', 'ESP', 'GRD', 'ITL', 'LUF', 'MGF', 'PTE', 'ROL', 'TPE',
                                 'TRL') then 0
               when currency in ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') then 3
               when currency in ('CLF', 'UYW') then 4
               else 2
           end
$$;

-- The reporting amount of the first refunded_total of a payment: its share of the converted amount, in the reporting
-- currency's minor units; the whole converted amount once the payment is refunded whole. A refund's own share is the
-- difference between the totals after and before it, so a payment's refunds always add up to at most its converted
-- amount, and exactly to it when it is refunded whole.
create function refund_reporting(reporting_amount numeric, amount numeric, refunded_total numeric,
                                 reporting_currency varchar)
    returns numeric language sql immutable parallel safe as $$
    select case when $3 >= $2 then $1 else round($1 * $3 / $2, minor_units($4)) end
$$;

-- What one payment adds to revenue: its payment at its time, and each of its refunds at the refund's time; a free
-- trial counts as a trial, its refunds not at all. The one home of these rules, for the triggers and for
-- RevenueService's reads of payments themselves.
create function revenue_parts(website_id varchar, occurred_at timestamptz, renewal boolean, free_trial boolean,
                              amount numeric, refund_amounts numeric[], refund_times timestamptz[],
                              reporting_amount numeric, reporting_currency varchar)
    returns table (website_id varchar, at timestamptz, currency varchar, new_amount numeric, renewal_amount numeric,
                   refund_amount numeric, new_count int, renewal_count int, refund_count int, free_trials int)
    language sql immutable parallel safe as $$
    select $1, $2, case when $8 is not null then $9 end,
           case when not $4 and not $3 then coalesce($8, 0) else 0 end,
           case when not $4 and $3 then coalesce($8, 0) else 0 end,
           0::numeric, (not $4 and not $3)::int, (not $4 and $3)::int, 0, $4::int
    union all
    select $1, r.at, case when $8 is not null then $9 end, 0, 0,
           coalesce(refund_reporting($8, $5, r.total, $9) - refund_reporting($8, $5, r.total - r.amount, $9), 0),
           0, 0, 1, 0
    from (select u.amount, u.at, sum(u.amount) over (order by u.n) as total
          from unnest($6, $7) with ordinality u (amount, at, n)) r
    where not $4
$$;

-- As in V8, with the refunds' columns in place of refunded and refunded_at.
create or replace function revenue_slot_track() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        insert into revenue_slot (website_id, slot, currency, new_amount, renewal_amount, refund_amount, new_count,
                                  renewal_count, refund_count, free_trials)
        select r.website_id, revenue_slot_of(r.at), r.currency, sum(c.sign * r.new_amount),
               sum(c.sign * r.renewal_amount), sum(c.sign * r.refund_amount), sum(c.sign * r.new_count),
               sum(c.sign * r.renewal_count), sum(c.sign * r.refund_count), sum(c.sign * r.free_trials)
        from (select -1 as sign, website_id, occurred_at, renewal, free_trial, amount, refund_amounts, refund_times,
                     reporting_amount, reporting_currency from gone
              union all
              select 1, website_id, occurred_at, renewal, free_trial, amount, refund_amounts, refund_times,
                     reporting_amount, reporting_currency from changed) c
             cross join lateral revenue_parts(c.website_id, c.occurred_at, c.renewal, c.free_trial, c.amount,
                                              c.refund_amounts, c.refund_times, c.reporting_amount,
                                              c.reporting_currency) r
        group by 1, 2, 3
        having sum(c.sign * r.new_count) <> 0 or sum(c.sign * r.renewal_count) <> 0
            or sum(c.sign * r.refund_count) <> 0 or sum(c.sign * r.free_trials) <> 0
            or sum(c.sign * r.new_amount) <> 0 or sum(c.sign * r.renewal_amount) <> 0
            or sum(c.sign * r.refund_amount) <> 0;
    else
        insert into revenue_slot (website_id, slot, currency, new_amount, renewal_amount, refund_amount, new_count,
                                  renewal_count, refund_count, free_trials)
        select r.website_id, revenue_slot_of(r.at), r.currency, sum(c.sign * r.new_amount),
               sum(c.sign * r.renewal_amount), sum(c.sign * r.refund_amount), sum(c.sign * r.new_count),
               sum(c.sign * r.renewal_count), sum(c.sign * r.refund_count), sum(c.sign * r.free_trials)
        from (select tg_argv[0]::int as sign, * from changed) c
             cross join lateral revenue_parts(c.website_id, c.occurred_at, c.renewal, c.free_trial, c.amount,
                                              c.refund_amounts, c.refund_times, c.reporting_amount,
                                              c.reporting_currency) r
        -- payments deleted with their website (on delete cascade) take nothing back: its sums go with it
        where tg_op = 'INSERT' or exists (select from website w where w.id = c.website_id)
        group by 1, 2, 3;
    end if;
    return null;
end $$;
-- V9's reason still holds: one generic plan for every call.
alter function revenue_slot_track() set plan_cache_mode = force_generic_plan;

drop function revenue_parts(varchar, timestamptz, boolean, boolean, boolean, timestamptz, numeric, varchar);

-- Refunds read by time: refunded_at, the latest refund, bounds the search from below.
drop index payment_refund_time_idx;
create index payment_refund_time_idx on payment (website_id, refunded_at) where refunded_amount is not null;
