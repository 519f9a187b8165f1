-- A website whose reporting currency changed: its payments are reset to pending in the new currency in the
-- background, in chunks, then converted; the flag stays until that is done, so a pass cut short is resumed.
alter table website add column reconversion_pending boolean not null default false;

-- When a pending payment was last tried against the rates then loaded: it is tried again only once rates change, so
-- payments that cannot be converted (a currency ECB does not publish, a day in a gap) are not rescanned forever.
alter table payment add column conversion_tried_at timestamptz not null default '-infinity';
drop index payment_pending_idx;
create index payment_pending_idx on payment (conversion_tried_at, id) where reporting_amount is null;

-- Account tokens once revoked: a bootstrap token revoked stays revoked, whatever PAYMENTS_BOOTSTRAP_TOKEN still says.
create table revoked_token (
    token_hash varchar(64) primary key,
    revoked_at timestamptz not null
);
