-- What to reorder (issue 64 point 3): a supplier's pack size per product (orders are rounded up to it), settable before
-- the supplier has delivered the product (then it has no last delivery yet).
alter table supplier_products add column pack_size numeric(12, 3) not null default 1 check (pack_size > 0);
alter table supplier_products alter column last_received_at drop not null;
-- the ledger's sales of the last weeks by product, read from the index
create index stock_movements_recent_sales on stock_movements (created_at, product_id) where reason in ('sale', 'refund');
