-- What making a product takes (issue 87 point 2): its operations in order, each on a kind of line or on one line, with
-- its setup time and its run rate (units an hour); the materials come from the product's recipe in catalog
create table routings (
    product_id   bigint       primary key,
    product_name varchar(255) not null,
    unit         varchar(50),
    updated_by   bigint,
    updated_at   timestamptz  not null default now()
);

create table routing_operations (
    product_id    bigint         not null references routings (product_id) on delete cascade,
    seq           smallint       not null check (seq >= 1),
    name          varchar(200)   not null,
    line_kind     varchar(100),
    line_id       bigint references lines (id),
    setup_minutes integer        not null default 0 check (setup_minutes >= 0),
    run_rate      numeric(14, 3) not null check (run_rate > 0),
    primary key (product_id, seq),
    constraint routing_operations_where check ((line_kind is null) <> (line_id is null))
);
create index routing_operations_line on routing_operations (line_id) where line_id is not null;
