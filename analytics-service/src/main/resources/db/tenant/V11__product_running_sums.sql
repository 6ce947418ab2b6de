-- A product's day row is added to fact by fact as sales and refunds arrive, instead of summed again from all the day's
-- lines on every poll (which grew with the day). The averages and the cost need their running parts: how many sold lines
-- a price average is over and their price sum, and the cost before rounding (rounding each fact's cost would drift
-- from the rebuild's rounding of the day's sum by a cent).
alter table product_performance add column priced_lines integer not null default 0,
                                add column price_sum numeric(18, 2) not null default 0,
                                add column cost_exact numeric(20, 5) not null default 0;
update product_performance pp set priced_lines = s.priced_lines, price_sum = s.price_sum, cost_exact = s.cost_exact
  from (select product_id, business_date, count(unit_price) filter (where quantity > 0) as priced_lines,
               coalesce(sum(unit_price) filter (where quantity > 0), 0) as price_sum, sum(quantity * unit_cost) as cost_exact
          from sale_fact_lines group by product_id, business_date) s
 where s.product_id = pp.product_id and s.business_date = pp.date;
