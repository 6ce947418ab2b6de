-- Delta sync for offline tills (issue 38): the last change of each product, in the order changes become visible.
-- A trigger records every insert, update and delete of a product or of its extra barcodes, whichever code writes them.
-- A reader takes only changes of transactions older than every one still running (pg_snapshot_xmin), so a change that
-- commits late is never skipped by a cursor that has moved on.
create sequence product_change_seq;

create table product_changes (
    product_id bigint  primary key,
    xid        xid8    not null,
    seq        bigint  not null,
    deleted    boolean not null
);
create index product_changes_order on product_changes (xid, seq);

create function product_changed() returns trigger
    language plpgsql
    set search_path from current
as $$
declare
    changed bigint;
begin
    if TG_TABLE_NAME = 'products' then
        changed := case when TG_OP = 'DELETE' then OLD.id else NEW.id end;
    else
        changed := case when TG_OP = 'DELETE' then OLD.product_id else NEW.product_id end;
    end if;
    insert into product_changes (product_id, xid, seq, deleted)
    values (changed, pg_current_xact_id(), nextval('product_change_seq'), TG_TABLE_NAME = 'products' and TG_OP = 'DELETE')
    -- a deleted product stays deleted (its barcodes go with it, in any order; ids are never reused)
    on conflict (product_id) do update
        set xid = excluded.xid, seq = excluded.seq, deleted = product_changes.deleted or excluded.deleted;
    return null;
end
$$;

create trigger products_changed after insert or update or delete on products
    for each row execute function product_changed();
create trigger product_barcodes_changed after insert or update or delete on product_barcodes
    for each row execute function product_changed();

insert into product_changes (product_id, xid, seq, deleted)
select id, pg_current_xact_id(), nextval('product_change_seq'), false from products order by id;
