-- A café's floor (issue 65 point 4, QRes' locations and tables): areas (the hall, the terrace) and their tables, each with
-- a public menu link for guests (public.table_links) printed as its QR code.
create table areas (
    id         bigserial    primary key,
    name       varchar(100) not null,
    position   integer      not null default 0,
    is_active  boolean      not null default true,
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now()
);
create unique index areas_name on areas (lower(name));

create table dining_tables (
    id         bigserial    primary key,
    area_id    bigint       references areas (id),
    name       varchar(50)  not null,
    seats      integer      not null default 0 check (seats between 0 and 100),
    is_active  boolean      not null default true,
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now()
);
-- a table's name is unique in its area (and among the tables of no area)
create unique index dining_tables_name on dining_tables (coalesce(area_id, 0), lower(name));
