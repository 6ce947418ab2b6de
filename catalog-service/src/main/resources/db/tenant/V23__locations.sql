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

-- Expand only, and no rewrite of the batches: the column comes with the default location (the first row of the table
-- made above, id 1) as its constant default, so the previous release's inserts during a rolling update land there and
-- the store's tills are not held up by a rewrite; the key to locations is checked for new rows now and validated for the
-- old ones (all at the default) in a later release.
alter table batches add column location_id bigint not null default 1;
alter table batches add constraint batches_location_id_fkey foreign key (location_id) references locations (id) not valid;
create index batches_location on batches (location_id, product_id) where is_active;
