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
-- the whole store's window (what to reorder, every product); quantity left out, so a day's upserts stay HOT updates
create index product_sales_days_recent on product_sales_days (day);

-- The store's time zone as the service's registry of stores has it (java.time's id), as PostgreSQL can apply it: a
-- region by its name (CET, EET, MET and WET by a city that keeps their rules: PostgreSQL would read those names as
-- fixed-offset abbreviations), an offset ("+05:00", "UTC+05:30": PostgreSQL would read the text as a POSIX zone, west
-- positive) as an interval; UTC when the store is not registered or PostgreSQL does not know the name, so that a sale is
-- never refused for it. Resolved once a statement.
create function store_zone(out name text, out utc_offset interval)
    language plpgsql
    stable
    set search_path from current
as $$
declare
    zone text;
begin
    select t.time_zone into zone from public.kassa_tenant t where t.schema_name = current_schema();
    if zone is null or zone in ('Z', 'UTC', 'GMT', 'UT') then
        name := 'UTC';
    elsif zone ~ '^(UTC|GMT|UT)?[+-][0-9]' then
        utc_offset := cast(regexp_replace(zone, '^(UTC|GMT|UT)', '') as interval);
    else
        name := case zone when 'CET' then 'Europe/Paris' when 'MET' then 'Europe/Paris' when 'EET' then 'Europe/Athens'
                          when 'WET' then 'Europe/Lisbon' else zone end;
        -- refused here (22023) when PostgreSQL does not know it
        perform now() at time zone name;
    end if;
exception
    when invalid_parameter_value or invalid_datetime_format or datetime_field_overflow or interval_field_overflow then
        name := 'UTC';
        utc_offset := null;
end
$$;

-- The store's business date of an instant in its zone (store_zone()).
create function store_day(at timestamptz, zone_name text, utc_offset interval) returns date
    language sql
    stable
as $$
    select case when utc_offset is not null then cast((at at time zone 'UTC') + utc_offset as date)
                else cast(at at time zone zone_name as date) end
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
    select a.product_id, store_day(a.created_at, z.name, z.utc_offset), sum(a.quantity)
      from added a, store_zone() z
     where a.reason in ('sale', 'refund')
     group by 1, 2
     order by 1, 2
    on conflict (product_id, day) do update set quantity = product_sales_days.quantity + excluded.quantity;
    return null;
end
$$;

-- The trigger first: creating it waits for the movements' writers still in flight and holds new ones until this
-- migration commits (readers go on), so the sales counted below and those the trigger counts from then on are every
-- sale, once. The ledger's index of recent sales, which the previous release's reorder list reads while it still runs,
-- is dropped by a later release.
create trigger stock_movements_sales_counted after insert on stock_movements
    referencing new table as added for each statement execute function product_sales_counted();

insert into product_sales_days (product_id, day, quantity)
select m.product_id, store_day(m.created_at, z.name, z.utc_offset), sum(m.quantity)
  from stock_movements m, store_zone() z
 where m.reason in ('sale', 'refund') and m.created_at >= now() - interval '35 days'
 group by 1, 2;
