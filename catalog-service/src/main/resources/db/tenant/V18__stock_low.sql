-- StockLow (issue 64 point 3): a product whose stock and what is on order fell to or under its reorder point is
-- announced once; its row stays while it is there (so several instances, or the same stock change read again, never
-- announce it twice) and goes when stock or an order brings it back above, so the next fall is announced again.
create table stock_low_alerts (
    product_id    bigint         primary key references products (id) on delete cascade,
    reorder_point numeric(14, 3) not null,
    raised_at     timestamptz    not null default now()
);
