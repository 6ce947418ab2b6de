-- An order's operations on the lines (issue 87 point 4): where and when each runs, as planning placed it
create table order_operations (
    order_id      bigint         not null references production_orders (id) on delete cascade,
    seq           smallint       not null check (seq >= 1),
    name          varchar(200)   not null,
    line_id       bigint         not null references lines (id),
    planned_start timestamptz    not null,
    planned_end   timestamptz    not null,
    setup_minutes integer        not null default 0,
    run_rate      numeric(14, 3) not null,
    primary key (order_id, seq),
    constraint order_operations_span check (planned_end > planned_start)
);
create index order_operations_line on order_operations (line_id, planned_start);
