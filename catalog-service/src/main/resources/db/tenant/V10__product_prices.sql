-- What each product has been sold for and since when (issue 60, point 2): an offline till's sale keeps its price only
-- if the product really had it around the time of sale. Kept by triggers whichever code writes a product; the current
-- prices are the history's first rows.
create table product_prices (
    id          bigserial      primary key,
    product_id  bigint         not null,
    sale_price  numeric(12, 2) not null,
    valid_from  timestamptz    not null default now()
);
create index product_prices_product on product_prices (product_id, valid_from);

create function product_price_changed() returns trigger
    language plpgsql
    set search_path from current
as $$
begin
    insert into product_prices (product_id, sale_price) values (NEW.id, NEW.sale_price);
    return null;
end
$$;

create trigger products_price_set after insert on products
    for each row execute function product_price_changed();
create trigger products_price_changed after update of sale_price on products
    for each row when (OLD.sale_price is distinct from NEW.sale_price) execute function product_price_changed();

insert into product_prices (product_id, sale_price, valid_from) select id, sale_price, created_at from products;
