-- How many daily rows each month row sums: a period's best products may take a partial month as the whole month minus
-- the days outside the period (fewer rows to read when the period covers most of that month), and a product whose
-- only rows in that month lie outside the period nets to zero days and is left out.
alter table product_performance_monthly add column days integer not null default 0;
update product_performance_monthly m set days = d.days
  from (select date_trunc('month', date)::date as month, product_id, count(*) as days from product_performance group by 1, 2) d
 where d.month = m.month and d.product_id = m.product_id;
