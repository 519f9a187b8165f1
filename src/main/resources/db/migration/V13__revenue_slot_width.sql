-- The width of a revenue slot, defined here alone: revenue_slot_of cuts the slots of table revenue_slot by it, and
-- RevenueSlots reads it once the schema is ready to cut the same slots in the service. Changing it means cutting
-- revenue_slot's rows again in the same migration. Immutable, so that wherever revenue_slot_of is inlined (the
-- triggers, RevenueService's reads) it is folded into a constant.
create function revenue_slot_width() returns interval language sql immutable parallel safe as $$
    select interval '15 minutes'
$$;

-- V8's, cut by the width above. Slots count from 2000-01-01 UTC, a whole number of days after 1970-01-01, where
-- RevenueSlots counts them from: the same slots for any width that divides a day.
create or replace function revenue_slot_of(at timestamptz) returns timestamptz language sql immutable parallel safe
as $$
    select date_bin(revenue_slot_width(), at, timestamptz '2000-01-01 00:00:00+00')
$$;
