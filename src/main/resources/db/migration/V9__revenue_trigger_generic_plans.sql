-- The revenue trigger's statements get one plan per connection instead of a new one each time the trigger fires.
-- Left to choose between a plan made for each call's arguments (tg_op, the sign) and one generic plan, PostgreSQL
-- planned them anew on most calls. A group-committed insert fires the trigger once per batch, and that planning was
-- about a quarter of PostgreSQL's CPU per new payment (bench/RESULTS.md, 2026-12-06). The generic plan serves every
-- call. A later migration that replaces the function (create or replace) must give it this setting again.
alter function revenue_slot_track() set plan_cache_mode = force_generic_plan;
