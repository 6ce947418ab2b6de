-- Units sold by product and store day (issue 66): what is to reorder and the StockLow check after every sale read a
-- product's sales of the last four weeks; summed from the ledger, that read grew with the sales (a product's every sale
-- and refund movement of the window, 5 ms a product once it had sold 2 600 times, on every batch of sales a catalog
-- instance consumed). The statement that writes sale and refund movements adds them here too, by the store's business
-- date, so the window is at most 29 rows a product. quantity is the movements' sum (negative: units sold).
create table product_sales_days (
    product_id bigint         not null references products (id) on delete cascade,
    day        date           not null,
    quantity   numeric(14, 3) not null,
    primary key (product_id, day)
);

-- the ledger's last five weeks, by the UTC date of each movement (a tenant schema does not know its store's time zone;
-- a movement of the store's night may land on the day beside it, which only moves it across the window's far edge)
insert into product_sales_days (product_id, day, quantity)
select product_id, cast(created_at at time zone 'UTC' as date), sum(quantity)
  from stock_movements
 where reason in ('sale', 'refund') and created_at >= now() - interval '35 days'
 group by 1, 2;

-- read by nothing now (the window comes from the days above)
drop index stock_movements_recent_sales;
