-- What happened to an order beside its lines (issue 84 point 5): a waiter taking over a colleague's order names both, so
-- that the order shows who had it and who took it. Written once, never changed; read with the order.
create table order_history (
    id           bigserial    primary key,
    order_id     bigint       not null references orders (id) on delete cascade,
    action       varchar(30)  not null check (action in ('taken_over')),
    by_user_id   bigint       not null,
    by_name      varchar(200) not null default '',
    -- the waiter the order was taken from (0: guests opened it and no waiter had it yet)
    from_user_id bigint,
    from_name    varchar(200),
    happened_at  timestamptz  not null default now()
);
create index order_history_order on order_history (order_id, id);
