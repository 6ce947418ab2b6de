-- A café's open orders and its kitchen (issue 65 points 4 and 5; QRes' orders and kitchen statuses). An order (a ticket)
-- stays open across rounds: each round's lines go to the kitchen as one ticket per station, routed by the product's
-- category; the order is paid at once as a whole sale (its client_id makes a retried payment pay once).
create table orders (
    id             bigserial    primary key,
    table_id       bigint       references dining_tables (id),
    dining_option  varchar(20)  not null default 'here' check (dining_option in ('here', 'takeaway', 'delivery')),
    -- billing: its payment is being taken (nothing may change it); back to open if the payment is refused
    status         varchar(20)  not null default 'open' check (status in ('open', 'billing', 'paid', 'cancelled')),
    waiter_user_id bigint       not null,
    waiter_name    varchar(200) not null default '',
    guests         integer      not null default 0 check (guests between 0 and 100),
    notes          varchar(500) not null default '',
    rounds         integer      not null default 0,
    client_id      uuid         not null unique,
    sale_id        bigint       references sales (id),
    merged_into    bigint       references orders (id),
    opened_at      timestamptz  not null default now(),
    closed_at      timestamptz,
    updated_at     timestamptz  not null default now()
);
-- one open order per table: a second round joins it
create unique index orders_one_open_per_table on orders (table_id) where status in ('open', 'billing') and table_id is not null;
create index orders_status on orders (status, waiter_user_id);

-- where each category's dishes are made (the bar makes the drinks); a category without a route goes to the kitchen
create table kitchen_routes (
    category_id bigint      primary key,
    station     varchar(20) not null check (station ~ '^[a-z][a-z0-9_]{1,19}$')
);

create table kitchen_tickets (
    id           bigserial    primary key,
    order_id     bigint       not null references orders (id),
    round        integer      not null,
    station      varchar(20)  not null,
    status       varchar(20)  not null default 'new'
                              check (status in ('new', 'accepted', 'cooking', 'ready', 'served', 'cancelled')),
    table_name   varchar(50)  not null default '',
    created_at   timestamptz  not null default now(),
    accepted_at  timestamptz,
    cooking_at   timestamptz,
    ready_at     timestamptz,
    served_at    timestamptz,
    cancelled_at timestamptz,
    updated_at   timestamptz  not null default now(),
    unique (order_id, round, station)
);
create index kitchen_tickets_station on kitchen_tickets (station, status, id);

create table order_items (
    id           bigserial      primary key,
    order_id     bigint         not null references orders (id) on delete cascade,
    product_id   bigint         not null,
    product_name varchar(255)   not null,
    category_id  bigint,
    unit_price   numeric(12, 2) not null check (unit_price >= 0),
    quantity     numeric(12, 3) not null check (quantity > 0),
    note         varchar(200)   not null default '',
    -- the kitchen ticket of the round it went with (null until its round is sent)
    ticket_id    bigint         references kitchen_tickets (id),
    created_at   timestamptz    not null default now()
);
create index order_items_order on order_items (order_id);
create index order_items_ticket on order_items (ticket_id);
