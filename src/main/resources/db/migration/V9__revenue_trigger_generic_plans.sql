-- The revenue trigger's statements get one plan per connection instead of a new one each time the trigger fires.
-- Left to choose, PostgreSQL planned them anew on nearly every call, with the trigger's arguments known (tg_op, the
-- sign), because a plan for a known tg_op leaves out the website check and so looks cheaper; planning them cost more
-- than running them. A group-committed insert fires the trigger once per batch, so that planning was a third of
-- PostgreSQL's work per new payment (bench/RESULTS.md, 2026-12-06). The generic plan serves every call alike.
alter function revenue_slot_track() set plan_cache_mode = force_generic_plan;
