-- Stripe history imports (contract section 8, webhooks.StripeImports): each import's state and counts, updated as it
-- runs; never the key it ran with. heartbeat_at moves as pages are read, so an import whose instance died (running,
-- no heartbeat for long) is taken as failed and another may start.
create table stripe_import (
    id           varchar(24) primary key,
    website_id   varchar(24) not null references website (id) on delete cascade,
    state        varchar(8)  not null check (state in ('running', 'done', 'failed')),
    reason       text,
    since        timestamptz,
    payments     integer     not null default 0,
    refunds      integer     not null default 0,
    skipped      integer     not null default 0,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    heartbeat_at timestamptz not null
);

-- one running import per website, whichever instance started it
create unique index stripe_import_running_idx on stripe_import (website_id) where state = 'running';
create index stripe_import_latest_idx on stripe_import (website_id, started_at desc);
