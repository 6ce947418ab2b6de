-- Delta sync for offline tills (issue 38): the last change of each customer (their card, balance, points, totals, group),
-- kept by triggers whichever code writes them, read in the order changes become visible (the platform's ChangeFeed).
-- A customer deleted (deleted_at) is a deletion for a till; a group's change re-sends its members (their discount).
create sequence customer_change_seq;

create table customer_changes (
    customer_id bigint  primary key,
    xid         xid8    not null,
    seq         bigint  not null,
    deleted     boolean not null
);
create index customer_changes_order on customer_changes (xid, seq);

create function customer_changed() returns trigger
    language plpgsql
    set search_path from current
as $$
begin
    if TG_TABLE_NAME = 'customers' then
        insert into customer_changes (customer_id, xid, seq, deleted)
        values (case when TG_OP = 'DELETE' then OLD.id else NEW.id end, pg_current_xact_id(),
                nextval('customer_change_seq'), TG_OP = 'DELETE' or NEW.deleted_at is not null)
        on conflict (customer_id) do update set xid = excluded.xid, seq = excluded.seq, deleted = excluded.deleted;
    else
        insert into customer_changes (customer_id, xid, seq, deleted)
        select c.id, pg_current_xact_id(), nextval('customer_change_seq'), c.deleted_at is not null
          from customers c where c.group_id = NEW.id
        on conflict (customer_id) do update set xid = excluded.xid, seq = excluded.seq, deleted = excluded.deleted;
    end if;
    return null;
end
$$;

create trigger customers_changed after insert or update or delete on customers
    for each row execute function customer_changed();
create trigger customer_groups_changed after update on customer_groups
    for each row execute function customer_changed();

insert into customer_changes (customer_id, xid, seq, deleted)
select id, pg_current_xact_id(), nextval('customer_change_seq'), deleted_at is not null from customers order by id;
