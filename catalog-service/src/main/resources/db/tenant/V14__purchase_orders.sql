-- Purchase orders (issue 64): a draft to a supplier, ordered, then received in one or several receipts (a batch per line
-- received, with a `purchase` movement) until all came (`received`) or it is closed with its shortfall (`closed`);
-- cancelled before anything came. Numbers from a sequence: several instances never give one twice.
create sequence purchase_order_numbers;

create table purchase_orders (
    id           bigserial   primary key,
    number       varchar(30) not null unique,
    supplier_id  bigint      not null references suppliers (id),
    status       varchar(20) not null default 'draft'
                 check (status in ('draft', 'ordered', 'partially_received', 'received', 'closed', 'cancelled')),
    expected_at  date,
    notes        text        not null default '',
    created_by   bigint,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    ordered_at   timestamptz,
    finished_at  timestamptz,
    close_reason text        not null default ''
);
create index purchase_orders_created on purchase_orders (created_at desc, id desc);
create index purchase_orders_supplier on purchase_orders (supplier_id, created_at desc);

create table purchase_order_lines (
    id                bigserial      primary key,
    order_id          bigint         not null references purchase_orders (id) on delete cascade,
    line_no           integer        not null,
    product_id        bigint         not null references products (id),
    quantity          numeric(12, 3) not null check (quantity > 0),
    cost_price        numeric(12, 2) not null check (cost_price >= 0),
    received_quantity numeric(12, 3) not null default 0 check (received_quantity >= 0),
    unique (order_id, line_no)
);
create index purchase_order_lines_product on purchase_order_lines (product_id);

-- Each receipt once: a retried /receive with the same Idempotency-Key finds its receipt instead of adding the goods again.
create table purchase_receipts (
    id          bigserial    primary key,
    order_id    bigint       not null references purchase_orders (id) on delete cascade,
    request_key varchar(300) unique,
    received_by bigint,
    received_at timestamptz  not null default now(),
    notes       text         not null default ''
);
create index purchase_receipts_order on purchase_receipts (order_id);

create table purchase_receipt_lines (
    receipt_id bigint         not null references purchase_receipts (id) on delete cascade,
    line_id    bigint         not null references purchase_order_lines (id) on delete cascade,
    batch_id   bigint         references batches (id) on delete set null,
    quantity   numeric(12, 3) not null check (quantity > 0),
    cost_price numeric(12, 2) not null check (cost_price >= 0)
);
create index purchase_receipt_lines_receipt on purchase_receipt_lines (receipt_id);

-- What each supplier last charged for each product (kept by receipts): a new order's default cost.
create table supplier_products (
    supplier_id      bigint         not null references suppliers (id) on delete cascade,
    product_id       bigint         not null references products (id) on delete cascade,
    last_cost        numeric(12, 2) not null,
    last_received_at timestamptz    not null,
    primary key (supplier_id, product_id)
);
