-- Variants (issue 65 point 1; Loyverse's and Square's item variants): a shirt in three sizes is three products of one
-- parent, each with its own SKU, barcode, price, cost and stock; variant_options names what sets it apart
-- ({"size": "M", "colour": "белый"}: at most three options, the same names for every variant of a parent).
alter table products
    add column variant_of      bigint references products (id),
    add column variant_options jsonb;
create index products_variant_of on products (variant_of) where variant_of is not null;
-- two variants of one parent never have the same options
create unique index products_variant_options on products (variant_of, variant_options) where variant_of is not null;
