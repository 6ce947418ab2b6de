-- One row per till hold request, written first by both the hold and its release: the unique key orders them, so a
-- release that overtakes a slow hold (the till timed out) waits for it and cancels it, or marks the reference released
-- so that the hold, arriving later, is refused. Rows older than a day are swept with lapsed holds.
create table hold_requests (
    request_ref varchar(64) primary key,
    released    boolean     not null default false,
    created_at  timestamptz not null default now()
);

-- Stock levels sum the active holds per product on every product read and scan: without this index that was a scan of
-- every hold the store ever made.
create index reservations_active_product on reservations (product_id) where status = 'active';
