-- A product shows its category's and unit's names: a change of either re-sends the products that show it in the
-- products' change feed (V6). A deleted category sets its products' category to null, which their own trigger records.
create function products_of_changed() returns trigger
    language plpgsql
    set search_path from current
as $$
begin
    insert into product_changes (product_id, xid, seq, deleted)
    select p.id, pg_current_xact_id(), nextval('product_change_seq'), false
      from products p
     where (TG_TABLE_NAME = 'categories' and p.category_id = NEW.id)
        or (TG_TABLE_NAME = 'units' and p.unit_id = NEW.id)
    on conflict (product_id) do update
        set xid = excluded.xid, seq = excluded.seq, deleted = product_changes.deleted or excluded.deleted;
    return null;
end
$$;

create trigger categories_changed after update on categories
    for each row execute function products_of_changed();
create trigger units_changed after update on units
    for each row execute function products_of_changed();
