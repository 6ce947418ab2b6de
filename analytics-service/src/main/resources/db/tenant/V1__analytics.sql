-- Completed sales as analytics sees them, one row per sale (idempotent by sale_id).
create table sale_facts (
    sale_id        varchar(64)    primary key,
    receipt_number varchar(50)    not null,
    business_date  date           not null,
    completed_at   timestamptz    not null,
    customer_id    bigint,
    total          numeric(14, 2) not null,
    discount       numeric(14, 2) not null,
    tax            numeric(14, 2) not null,
    items_quantity numeric(14, 3) not null,
    cash           numeric(14, 2) not null default 0,
    card           numeric(14, 2) not null default 0,
    other          numeric(14, 2) not null default 0
);
create index sale_facts_date on sale_facts (business_date);

create table sale_fact_lines (
    sale_id    varchar(64)    not null references sale_facts (sale_id) on delete cascade,
    product_id bigint         not null,
    quantity   numeric(14, 3) not null,
    line_total numeric(14, 2) not null,
    unit_cost  numeric(14, 2) not null
);
create index sale_fact_lines_sale on sale_fact_lines (sale_id);

-- The daily report of spec §8.1, derived from sale_facts for the store's local business date.
create table daily_sales (
    id                   bigserial      primary key,
    date                 date           not null unique,
    total_sales          numeric(14, 2) not null,
    total_sales_count    integer        not null,
    avg_sale_amount      numeric(14, 2) not null,
    cash_sales           numeric(14, 2) not null,
    card_sales           numeric(14, 2) not null,
    total_discount       numeric(14, 2) not null,
    total_tax            numeric(14, 2) not null,
    total_items_sold     numeric(14, 3) not null,
    unique_products_sold integer        not null,
    unique_customers     integer        not null,
    updated_at           timestamptz    not null default now()
);
