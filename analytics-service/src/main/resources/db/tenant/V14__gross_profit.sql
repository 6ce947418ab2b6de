-- Cost of goods sold and gross profit (issue 63 point 7). Each line's cost is the batch cost catalog took the goods at
-- (SaleCompleted's unit_cost; a refund's line takes its sale's). A sale's discount is shared over its lines (what the
-- buyer paid for each, as a refund's lines already are), so products, categories and cashiers add up to the day.
alter table sale_facts add column cashier_id bigint;
create index sale_facts_cashier on sale_facts (cashier_id, business_date) where cashier_id is not null;

-- the day's cost of what was sold, net of what refunds brought back (before rounding: added fact by fact)
alter table daily_sales add column cost_exact numeric(20, 5) not null default 0,
                        add column total_cost numeric(14, 2) not null default 0;
update daily_sales d set cost_exact = c.cost, total_cost = round(c.cost, 2)
  from (select business_date, sum(quantity * unit_cost) as cost from sale_fact_lines group by business_date) c
 where c.business_date = d.date;

-- the product's category, from catalog's product events
alter table products add column category_id bigint, add column category_name varchar(255);

-- Each cashier's day: the sales they took, and the refunds of their sales (on the refund's date), at the batches' cost.
create table cashier_daily (
    date          date           not null,
    cashier_id    bigint         not null,
    sales_count   integer        not null,
    refunds_count integer        not null,
    items_sold    numeric(14, 3) not null,
    revenue       numeric(14, 2) not null,
    cost_exact    numeric(20, 5) not null,
    primary key (date, cashier_id)
);
