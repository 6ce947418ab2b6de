-- A credit or points hold (a sale in progress at some till) changes what the customer may still put on credit or spend,
-- so it moves the customer's position in the offline tills' feed (issue 60, point 13): a till syncing customers sees
-- the credit as it stands, not as it stood before another till's sale.
create function credit_hold_changed() returns trigger
    language plpgsql
    set search_path from current
as $$
begin
    insert into customer_changes (customer_id, xid, seq, deleted)
    select c.id, pg_current_xact_id(), nextval('customer_change_seq'), c.deleted_at is not null
      from customers c where c.id = NEW.customer_id
    on conflict (customer_id) do update set xid = excluded.xid, seq = excluded.seq, deleted = excluded.deleted;
    return null;
end
$$;

create trigger credit_holds_changed after insert or update of status on credit_holds
    for each row execute function credit_hold_changed();
