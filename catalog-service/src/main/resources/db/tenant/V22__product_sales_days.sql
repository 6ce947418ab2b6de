-- Units sold by product and store day (issue 66): what to reorder and the StockLow check after every batch of sales read
-- a product's sales of the last four weeks; summed from the ledger, that read grew with the sales (every sale and refund
-- movement of the window: 5 ms a product once it had sold 2 600 times, 40 ms a check by the end of a benchmark warm-up,
-- on every batch of sales a catalog instance consumed). quantity is the movements' sum (negative: units sold); the
-- window is at most 29 rows a product.
create table product_sales_days (
    product_id bigint         not null references products (id) on delete cascade,
    day        date           not null,
    quantity   numeric(14, 3) not null,
    primary key (product_id, day)
);
-- the whole store's window (what to reorder, every product)
create index product_sales_days_recent on product_sales_days (day) include (product_id, quantity);

-- The store's business date of an instant: in its time zone as the service's registry of stores has it (a region, or an
-- offset as java.time spells it, "+05:00" or "UTC+05:00", which PostgreSQL would read as a POSIX zone, west positive);
-- in UTC for a zone PostgreSQL does not know, so that a sale is never refused for it.
create function store_day(at timestamptz) returns date
    language plpgsql
    stable
    set search_path from current
as $$
declare
    zone text;
begin
    select t.time_zone into zone from public.kassa_tenant t where t.schema_name = current_schema();
    if zone is null or zone in ('Z', 'UTC', 'GMT', 'UT') then
        return cast(at at time zone 'UTC' as date);
    elsif zone ~ '^(UTC|GMT|UT)?[+-][0-9]' then
        return cast(at at time zone cast(regexp_replace(zone, '^(UTC|GMT|UT)', '') as interval) as date);
    end if;
    return cast(at at time zone zone as date);
exception
    when others then
        return cast(at at time zone 'UTC' as date);
end
$$;

-- Kept by the database, in the statement that writes the movements, whichever code writes them: during a rolling update
-- the previous release's instances still write sales and refunds for minutes, and they count too. The day is the
-- store's when the movement was written (created_at); in product order, so two statements never wait on each other's
-- rows in a circle.
create function product_sales_counted() returns trigger
    language plpgsql
    set search_path from current
as $$
begin
    insert into product_sales_days (product_id, day, quantity)
    select a.product_id, d.day, sum(a.quantity)
      from added a
      join (select c.created_at, store_day(c.created_at) as day
              from (select distinct created_at from added where reason in ('sale', 'refund')) c) d
           on d.created_at = a.created_at
     where a.reason in ('sale', 'refund')
     group by 1, 2
     order by 1, 2
    on conflict (product_id, day) do update set quantity = product_sales_days.quantity + excluded.quantity;
    return null;
end
$$;

-- The trigger first: creating it waits for the movements' writers still in flight and holds new ones until this
-- migration commits, so the sales counted below and those the trigger counts from then on are every sale, once.
create trigger stock_movements_sales_counted after insert on stock_movements
    referencing new table as added for each statement execute function product_sales_counted();

insert into product_sales_days (product_id, day, quantity)
select m.product_id, store_day(m.created_at), sum(m.quantity)
  from stock_movements m
 where m.reason in ('sale', 'refund') and m.created_at >= now() - interval '35 days'
 group by 1, 2;

-- read by nothing now (the window comes from the days above); last, so the lock it takes is held for an instant
drop index stock_movements_recent_sales;
