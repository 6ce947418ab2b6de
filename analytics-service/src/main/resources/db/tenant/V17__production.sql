-- The plant's dashboard (issue 87 point 9), from production-service's events: each line's status, the orders as they
-- move, and the latest production activities
create table production_lines (
    line_id bigint primary key,
    code    varchar(32) not null,
    status  varchar(16) not null,
    reason  varchar(500),
    since   timestamptz not null
);

create table production_orders (
    order_id     bigint primary key,
    number       varchar(20)  not null,
    product_id   bigint,
    product_name varchar(255),
    quantity     numeric(14, 3),
    due_date     date,
    priority     varchar(10),
    status       varchar(16)  not null,
    updated_at   timestamptz  not null
);
create index production_orders_open on production_orders (due_date) where status not in ('done', 'cancelled');

create table production_activities (
    id          bigserial primary key,
    occurred_at timestamptz  not null,
    kind        varchar(40)  not null,
    subject     varchar(100) not null,
    detail      varchar(600)
);
create index production_activities_recent on production_activities (occurred_at desc, id desc);
