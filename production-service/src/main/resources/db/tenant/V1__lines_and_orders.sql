-- Work centres (a plant's lines, a bakery's ovens): what they are, their calendar and every change of their status
create table lines (
    id            bigserial primary key,
    code          varchar(32)  not null,
    name          varchar(200) not null,
    kind          varchar(100) not null default '',
    stock_store   varchar(80)  not null,
    cost_per_hour numeric(14, 2),
    status        varchar(16)  not null default 'idle',
    status_reason varchar(500),
    status_since  timestamptz  not null default now(),
    is_active     boolean      not null default true,
    created_at    timestamptz  not null default now(),
    constraint lines_status check (status in ('idle', 'setup', 'running', 'down')),
    constraint lines_cost check (cost_per_hour is null or cost_per_hour >= 0)
);
create unique index lines_code on lines (lower(code));

-- a line's working hours per ISO weekday (1 Monday … 7 Sunday), in the store's time zone; none at all: always open
create table line_hours (
    line_id bigint   not null references lines (id) on delete cascade,
    weekday smallint not null check (weekday between 1 and 7),
    opens   time     not null,
    closes  time     not null,
    primary key (line_id, weekday, opens),
    constraint line_hours_order check (closes > opens or closes = time '00:00')
);

create table line_closed_days (
    line_id bigint not null references lines (id) on delete cascade,
    day     date   not null,
    reason  varchar(200),
    primary key (line_id, day)
);

-- every status a line had, with why and who: the history availability (OEE) is computed from
create table line_status_history (
    id         bigserial primary key,
    line_id    bigint      not null references lines (id) on delete cascade,
    status     varchar(16) not null,
    reason     varchar(500),
    changed_by bigint,
    changed_at timestamptz not null default now()
);
create index line_status_history_line on line_status_history (line_id, changed_at);

-- Production orders: what to make, how much, by when; their status from new to done, every change kept
create sequence production_order_numbers;
create table production_orders (
    id           bigserial primary key,
    number       varchar(20)    not null unique,
    product_id   bigint         not null,
    product_name varchar(255)   not null,
    product_sku  varchar(100),
    unit         varchar(50),
    quantity     numeric(14, 3) not null check (quantity > 0),
    due_date     date,
    priority     varchar(10)    not null default 'normal',
    customer_id  bigint,
    spec         text           not null default '',
    status       varchar(16)    not null default 'new',
    created_by   bigint,
    created_at   timestamptz    not null default now(),
    updated_at   timestamptz    not null default now(),
    constraint production_orders_priority check (priority in ('low', 'normal', 'high', 'urgent')),
    constraint production_orders_status check (status in ('new', 'planned', 'released', 'in_progress', 'done', 'cancelled'))
);
create index production_orders_status on production_orders (status, due_date);
create index production_orders_product on production_orders (product_id);

create table production_order_history (
    id         bigserial primary key,
    order_id   bigint      not null references production_orders (id) on delete cascade,
    from_status varchar(16),
    to_status  varchar(16) not null,
    note       varchar(500),
    changed_by bigint,
    changed_at timestamptz not null default now()
);
create index production_order_history_order on production_order_history (order_id, id);
