-- Indexes in the order the report lists read (a year of history, issue 10's benchmark): newest first with the lists'
-- tie-breakers, so a page is read from the index instead of sorting every row; the stock flags as partial indexes,
-- so a filtered list counts only the flagged rows.
create index product_performance_page on product_performance (date desc nulls last, total_revenue desc, id desc);
create index inventory_snapshots_page on inventory_snapshots (date desc nulls last, product_id, id desc);
create index inventory_snapshots_low on inventory_snapshots (date desc) where is_low_stock;
create index inventory_snapshots_out on inventory_snapshots (date desc) where is_out_of_stock;
create index inventory_snapshots_over on inventory_snapshots (date desc) where is_overstock;

-- Each product's newest snapshot carries is_latest (kept by every upsert), so "the stock as it stands" (latest,
-- low-stock alerts, out of stock, the dashboard) reads one row per product instead of looking for it among a year's.
alter table inventory_snapshots add column is_latest boolean not null default false;
update inventory_snapshots s set is_latest = true
  from (select distinct on (product_id) id from inventory_snapshots order by product_id, date desc) l where l.id = s.id;
create unique index inventory_snapshots_latest on inventory_snapshots (product_id) where is_latest;

-- Each product's month (ProductPerformance summed), kept with the daily rows: a year's best products add up twelve
-- months per product and the days of the period's partial months, not every day of the year.
create table product_performance_monthly (
    month         date           not null,
    product_id    bigint         not null,
    quantity_sold numeric(14, 3) not null,
    total_revenue numeric(14, 2) not null,
    total_profit  numeric(14, 2) not null,
    sales_count   integer        not null,
    primary key (month, product_id)
);
insert into product_performance_monthly (month, product_id, quantity_sold, total_revenue, total_profit, sales_count)
select date_trunc('month', date)::date, product_id, sum(quantity_sold), sum(total_revenue), sum(total_profit), sum(sales_count)
  from product_performance group by 1, 2;
