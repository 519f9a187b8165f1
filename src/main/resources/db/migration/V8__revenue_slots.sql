-- GET /api/v1/revenue reads sums per UTC quarter hour instead of every payment: every change to payment adds, in the
-- same transaction, one row per (website, quarter hour, reporting currency) it changes by (statement triggers, so a
-- group-committed insert of many payments adds a few rows); RevenueSlots merges a quarter hour's rows into one in the
-- background. Rows are only ever inserted and deleted, so concurrent writers never wait for one another here. Every
-- zone's bucket edges in use today fall on quarter hours; RevenueService reads payments themselves for the rest.
create table revenue_slot (
    id             bigint generated always as identity primary key,
    website_id     varchar(24) not null references website (id) on delete cascade,
    slot           timestamptz not null,
    -- the reporting currency of converted payments; null for those whose conversion is pending
    currency       varchar(3),
    new_amount     numeric     not null,
    renewal_amount numeric     not null,
    refund_amount  numeric     not null,
    new_count      bigint      not null,
    renewal_count  bigint      not null,
    refund_count   bigint      not null,
    free_trials    bigint      not null,
    merged         boolean     not null default false
);
create index revenue_slot_idx on revenue_slot (website_id, slot);
create index revenue_slot_unmerged_idx on revenue_slot (website_id, slot) where not merged;

-- What one payment adds to revenue: its payment at its time and, when refunded, its refund at the refund's time.
-- The one home of these rules, for the triggers and for RevenueService's reads of payments themselves.
create function revenue_parts(website_id varchar, occurred_at timestamptz, renewal boolean, free_trial boolean,
                              refunded boolean, refunded_at timestamptz, reporting_amount numeric,
                              reporting_currency varchar)
    returns table (website_id varchar, at timestamptz, currency varchar, new_amount numeric, renewal_amount numeric,
                   refund_amount numeric, new_count int, renewal_count int, refund_count int, free_trials int)
    language sql immutable parallel safe as $$
    select $1, part.at, case when $7 is not null then $8 end,
           case when part.paid and not $4 and not $3 then coalesce($7, 0) else 0 end,
           case when part.paid and not $4 and $3 then coalesce($7, 0) else 0 end,
           case when not part.paid then coalesce($7, 0) else 0 end,
           (part.paid and not $4 and not $3)::int, (part.paid and not $4 and $3)::int, (not part.paid)::int,
           (part.paid and $4)::int
    from (values (true, $2), (false, case when $5 and not $4 then $6 end)) part (paid, at)
    where part.at is not null
$$;

-- The UTC quarter hour holding an instant (RevenueSlots.SLOT in the service).
create function revenue_slot_of(at timestamptz) returns timestamptz language sql immutable parallel safe as $$
    select date_bin('15 minutes', at, timestamptz '2000-01-01 00:00:00+00')
$$;

-- Inserted payments count once (argument 1), deleted ones are taken back (-1), an update takes back the rows as they
-- were and counts them as they are; an update that changes nothing revenue reads adds nothing.
create function revenue_slot_track() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        insert into revenue_slot (website_id, slot, currency, new_amount, renewal_amount, refund_amount, new_count,
                                  renewal_count, refund_count, free_trials)
        select r.website_id, revenue_slot_of(r.at), r.currency, sum(c.sign * r.new_amount),
               sum(c.sign * r.renewal_amount), sum(c.sign * r.refund_amount), sum(c.sign * r.new_count),
               sum(c.sign * r.renewal_count), sum(c.sign * r.refund_count), sum(c.sign * r.free_trials)
        from (select -1 as sign, website_id, occurred_at, renewal, free_trial, refunded, refunded_at,
                     reporting_amount, reporting_currency from gone
              union all
              select 1, website_id, occurred_at, renewal, free_trial, refunded, refunded_at, reporting_amount,
                     reporting_currency from changed) c
             cross join lateral revenue_parts(c.website_id, c.occurred_at, c.renewal, c.free_trial, c.refunded,
                                              c.refunded_at, c.reporting_amount, c.reporting_currency) r
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
             cross join lateral revenue_parts(c.website_id, c.occurred_at, c.renewal, c.free_trial, c.refunded,
                                              c.refunded_at, c.reporting_amount, c.reporting_currency) r
        -- payments deleted with their website (on delete cascade) take nothing back: its sums go with it
        where tg_op = 'INSERT' or exists (select from website w where w.id = c.website_id)
        group by 1, 2, 3;
    end if;
    return null;
end $$;

-- The triggers first: they lock payment against writers until this migration commits, so that the rows summed below
-- and the rows the triggers will see are, together, every payment exactly once.
create trigger revenue_slot_insert after insert on payment referencing new table as changed
    for each statement execute function revenue_slot_track('1');
create trigger revenue_slot_delete after delete on payment referencing old table as changed
    for each statement execute function revenue_slot_track('-1');
create trigger revenue_slot_update after update on payment referencing old table as gone new table as changed
    for each statement execute function revenue_slot_track();

insert into revenue_slot (website_id, slot, currency, new_amount, renewal_amount, refund_amount, new_count,
                          renewal_count, refund_count, free_trials, merged)
select r.website_id, revenue_slot_of(r.at), r.currency, sum(r.new_amount), sum(r.renewal_amount),
       sum(r.refund_amount), sum(r.new_count), sum(r.renewal_count), sum(r.refund_count), sum(r.free_trials), true
from payment p
     cross join lateral revenue_parts(p.website_id, p.occurred_at, p.renewal, p.free_trial, p.refunded,
                                      p.refunded_at, p.reporting_amount, p.reporting_currency) r
group by 1, 2, 3;

-- The distinct customers and visitors of a range are read in key order from these indexes alone (index-only scans):
-- customers by id, those without an id by email, visitors by id; free trials are left out.
drop index payment_visitor_idx;
create index payment_visitor_idx on payment (website_id, visitor_id, occurred_at) include (free_trial);
drop index payment_customer_idx;
create index payment_customer_idx on payment (website_id, customer_id, occurred_at) include (free_trial);
create index payment_customer_email_idx on payment (website_id, customer_email, occurred_at) include (free_trial)
    where customer_id is null;
