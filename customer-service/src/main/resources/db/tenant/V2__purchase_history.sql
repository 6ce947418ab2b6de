-- A customer's purchases as sales-service announced them (SaleCompleted / SaleRefunded), one row per sale.
create table customer_purchases (
    sale_id         varchar(64)    primary key,
    customer_id     bigint         not null references customers (id) on delete cascade,
    receipt_number  varchar(50)    not null,
    total           numeric(14, 2) not null,
    refunded        numeric(14, 2) not null default 0,
    items_quantity  numeric(14, 3) not null,
    completed_at    timestamptz    not null,
    business_date   date           not null
);
create index customer_purchases_customer on customer_purchases (customer_id, completed_at desc);
