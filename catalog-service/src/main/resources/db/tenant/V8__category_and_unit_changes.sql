-- Delta sync of categories and units as lists of their own for offline tills (issue 38, part 5), kept like the
-- products' feed (V6): a trigger records the last change of each row in the order changes become visible; a reader
-- takes only changes of transactions older than every one still running (the platform's ChangeFeed).
create sequence reference_change_seq;

create table category_changes (
    category_id bigint  primary key,
    xid         xid8    not null,
    seq         bigint  not null,
    deleted     boolean not null
);
create index category_changes_order on category_changes (xid, seq);

create table unit_changes (
    unit_id bigint  primary key,
    xid     xid8    not null,
    seq     bigint  not null,
    deleted boolean not null
);
create index unit_changes_order on unit_changes (xid, seq);

-- ids are never reused (bigserial), so a row's last change says whether it is gone
create function category_listed() returns trigger
    language plpgsql
    set search_path from current
as $$
begin
    insert into category_changes (category_id, xid, seq, deleted)
    values (case when TG_OP = 'DELETE' then OLD.id else NEW.id end, pg_current_xact_id(),
            nextval('reference_change_seq'), TG_OP = 'DELETE')
    on conflict (category_id) do update set xid = excluded.xid, seq = excluded.seq, deleted = excluded.deleted;
    return null;
end
$$;

create function unit_listed() returns trigger
    language plpgsql
    set search_path from current
as $$
begin
    insert into unit_changes (unit_id, xid, seq, deleted)
    values (case when TG_OP = 'DELETE' then OLD.id else NEW.id end, pg_current_xact_id(),
            nextval('reference_change_seq'), TG_OP = 'DELETE')
    on conflict (unit_id) do update set xid = excluded.xid, seq = excluded.seq, deleted = excluded.deleted;
    return null;
end
$$;

create trigger categories_listed after insert or update or delete on categories
    for each row execute function category_listed();
create trigger units_listed after insert or update or delete on units
    for each row execute function unit_listed();

insert into category_changes (category_id, xid, seq, deleted)
select id, pg_current_xact_id(), nextval('reference_change_seq'), false from categories order by id;
insert into unit_changes (unit_id, xid, seq, deleted)
select id, pg_current_xact_id(), nextval('reference_change_seq'), false from units order by id;
