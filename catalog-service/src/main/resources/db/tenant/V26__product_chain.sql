-- One catalogue across an owner's stores (issue 86 point 2): a product shared from one store to others is the same
-- product everywhere, known by its chain-wide key beside its SKU and barcode. The source keeps whom it shared each
-- product with; a copy keeps where it came from and which of its fields the store set itself (its sale price, whether it
-- is sold), which the chain's later changes leave alone. Expand only: new nullable columns, constant defaults.
alter table products add column chain_key uuid;
alter table products add column shared_from varchar(64);
alter table products add column own_sale_price boolean not null default false;
alter table products add column own_active boolean not null default false;
create unique index products_chain_key on products (chain_key) where chain_key is not null;

create table product_shares (
    product_id bigint      not null references products (id) on delete cascade,
    store_key  varchar(64) not null,
    shared_by  bigint,
    shared_at  timestamptz not null default now(),
    primary key (product_id, store_key)
);
