-- A store's café settings (issue 65 point 6): whether guests may order from their table's menu.
create table cafe_settings (
    id             integer     primary key default 1 check (id = 1),
    guest_ordering boolean     not null default false,
    updated_at     timestamptz not null default now()
);
insert into cafe_settings (id) values (1);

-- a line a guest ordered from the table waits for a waiter to confirm it: it is neither sent to the kitchen nor billed
-- before; an order a guest opened has no waiter yet (0)
alter table order_items add column awaiting boolean not null default false;
