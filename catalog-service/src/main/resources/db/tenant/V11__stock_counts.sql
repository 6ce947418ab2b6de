-- Stock-takes (issue 63, points 1-3). A count names the products it covers when it is opened (its scope: all tracked
-- products, some products, or the products of some categories and their subcategories); counters record lines from
-- several devices at once; each line keeps what the shelf should have held when it was counted (on hand less what tills
-- hold), so sales during the count are accounted for; applying turns the differences into movements with reason count.
create table stock_counts (
    id          bigserial    primary key,
    name        varchar(200) not null,
    status      varchar(10)  not null default 'open' check (status in ('open', 'applied', 'cancelled')),
    blind       boolean      not null default false,
    products    bigint[],
    categories  bigint[],
    created_by  bigint,
    created_at  timestamptz  not null default now(),
    finished_by bigint,
    finished_at timestamptz
);
create index stock_counts_status on stock_counts (status, created_at);

-- A product of a count: its running total (null: not counted yet) and what was expected at its last line; once applied,
-- the change it made (less than the difference when tills held what it would have taken) and the unit cost then.
create table stock_count_items (
    count_id   bigint         not null references stock_counts (id) on delete cascade,
    product_id bigint         not null references products (id) on delete cascade,
    counted    numeric(12, 3),
    expected   numeric(12, 3),
    counted_at timestamptz,
    applied    numeric(12, 3),
    cost_price numeric(12, 2),
    primary key (count_id, product_id)
);
create index stock_count_items_product on stock_count_items (product_id);

-- What each device counted, in order: add (to the running total) or set (the total from now on).
create table stock_count_lines (
    id         bigserial      primary key,
    count_id   bigint         not null,
    product_id bigint         not null,
    quantity   numeric(12, 3) not null check (quantity >= 0),
    mode       varchar(3)     not null check (mode in ('add', 'set')),
    device     varchar(100)   not null default '',
    expected   numeric(12, 3) not null,
    created_by bigint,
    created_at timestamptz    not null default now(),
    foreign key (count_id, product_id) references stock_count_items (count_id, product_id) on delete cascade
);
create index stock_count_lines_item on stock_count_lines (count_id, product_id);
