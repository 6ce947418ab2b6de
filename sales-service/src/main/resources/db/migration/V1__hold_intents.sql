-- A scan's hold in catalog from just before catalog is asked until the scan's line is written (in the line's transaction):
-- a row left behind belongs to a scan that failed or whose instance died between the two, and its hold is released by
-- whichever instance sweeps it (AbandonedHolds). Service-wide, so that any instance finds the rows of one that died.
create table till_hold_intents (
    request_ref varchar(64) primary key,
    tenant_key  varchar(64) not null,
    created_at  timestamptz not null default now()
);
create index till_hold_intents_created on till_hold_intents (created_at);
