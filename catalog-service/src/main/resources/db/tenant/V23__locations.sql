-- Locations inside a store (issue 86 point 1): a sales floor, a back room, a warehouse's coded stages. Every batch lies
-- at one; every store has one default location, where its stock was before locations existed and where goods go when
-- nobody names another.
create table locations (
    id         bigserial    primary key,
    code       varchar(30)  not null,
    name       varchar(100) not null,
    type       varchar(20)  not null check (type in ('sales_floor', 'back_room', 'raw_materials', 'hazardous',
                                                      'production', 'finished', 'quarantine')),
    is_active  boolean      not null default true,
    is_default boolean      not null default false,
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now(),
    check (is_active or not is_default)
);
create unique index locations_code on locations (lower(code));
create unique index locations_one_default on locations (is_default) where is_default;
insert into locations (code, name, type, is_default) values ('MAIN', 'Торговый зал', 'sales_floor', true);

-- Expand only: the previous release inserts batches without a location during a rolling update, so a batch without one
-- is put at the default location by the trigger; the column becomes not null in a later release.
alter table batches add column location_id bigint references locations (id);
update batches set location_id = (select id from locations where is_default);
create function batches_at_default_location() returns trigger language plpgsql as $$
begin
    if new.location_id is null then
        execute format('select id from %I.locations where is_default', tg_table_schema) into new.location_id;
    end if;
    return new;
end $$;
create trigger batches_location before insert on batches for each row execute function batches_at_default_location();
create index batches_location on batches (location_id, product_id) where is_active;
