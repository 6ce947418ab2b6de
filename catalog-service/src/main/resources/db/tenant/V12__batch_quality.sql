-- Batch quality (issue 63, point 4): approved (the default: held and sold), pending (received, not yet checked) or
-- blocked (quarantine or recall, with its reason). Only approved batches are held and sold (Expiry.SELLABLE); the others
-- stay on hand, shown apart as unavailable, until approved or written off.
alter table batches add column status varchar(10) not null default 'approved'
    check (status in ('approved', 'pending', 'blocked'));
alter table batches add column status_reason text not null default '';
alter table batches add column status_changed_by bigint;
alter table batches add column status_changed_at timestamptz;

-- The store's stock settings, one row: whether goods received wait in pending until someone approves their batch.
create table stock_settings (
    id                  boolean     primary key default true check (id),
    new_batches_pending boolean     not null default false,
    updated_at          timestamptz not null default now()
);
insert into stock_settings default values;
