-- Lines carry what product reports need; refunds are stored as negative lines on the refund's business date.
alter table sale_fact_lines add column product_name varchar(255);
alter table sale_fact_lines add column unit_price numeric(14, 2);
alter table sale_fact_lines add column discount numeric(14, 2) not null default 0;
alter table sale_fact_lines add column business_date date;
update sale_fact_lines l set business_date = f.business_date from sale_facts f where f.sale_id = l.sale_id;
alter table sale_fact_lines alter column business_date set not null;
create index sale_fact_lines_date_product on sale_fact_lines (business_date, product_id);
create index sale_fact_lines_product_date on sale_fact_lines (product_id, business_date);
-- a refund names its sale, so a sale that arrives after its refund gives the refund's lines their cost
alter table sale_facts add column refund_of varchar(64);
create index sale_facts_refund_of on sale_facts (refund_of) where refund_of is not null;

-- The products analytics knows, from catalog's events (and the names on sale lines until those arrive).
create table products (
    product_id   bigint primary key,
    name         varchar(255)   not null,
    sku          varchar(100),
    barcode      varchar(100),
    sale_price   numeric(14, 2),
    cost_price   numeric(14, 2),
    min_quantity numeric(14, 3),
    max_quantity numeric(14, 3),
    is_active    boolean        not null default true,
    updated_at   timestamptz    not null default now()
);

-- Spec §8.1 ProductPerformance: one row per product and business date, net of refunds.
create table product_performance (
    id            bigserial      primary key,
    product_id    bigint         not null,
    date          date           not null,
    quantity_sold numeric(14, 3) not null,
    total_revenue numeric(14, 2) not null,
    sales_count   integer        not null,
    avg_price     numeric(14, 2) not null,
    avg_discount  numeric(7, 2)  not null,
    total_cost    numeric(14, 2) not null,
    total_profit  numeric(14, 2) not null,
    profit_margin numeric(9, 2)  not null,
    created_at    timestamptz    not null default now(),
    updated_at    timestamptz    not null default now(),
    unique (product_id, date)
);
create index product_performance_date on product_performance (date desc, total_revenue desc);

-- Spec §8.1 InventorySnapshot: a product's stock on a business date, kept current from StockChanged.
create table inventory_snapshots (
    id                 bigserial      primary key,
    product_id         bigint         not null,
    date               date           not null,
    quantity_on_hand   numeric(14, 3) not null,
    reserved_quantity  numeric(14, 3) not null,
    available_quantity numeric(14, 3) not null,
    total_cost         numeric(14, 2) not null,
    total_value        numeric(14, 2) not null,
    turnover_rate      numeric(9, 2)  not null,
    days_of_stock      integer        not null,
    is_out_of_stock    boolean        not null,
    is_low_stock       boolean        not null,
    is_overstock       boolean        not null,
    created_at         timestamptz    not null default now(),
    updated_at         timestamptz    not null default now(),
    unique (product_id, date)
);
create index inventory_snapshots_product_date on inventory_snapshots (product_id, date desc);
create index inventory_snapshots_date on inventory_snapshots (date desc, product_id);

-- Shifts, from SessionOpened / SessionClosed: the dashboard's open shifts.
create table shifts (
    session_id    bigint primary key,
    register_id   bigint      not null,
    cashier_id    bigint      not null,
    opened_at     timestamptz not null,
    business_date date        not null,
    closed_at     timestamptz
);
create index shifts_open on shifts (opened_at) where closed_at is null;
