-- Modifier groups (issue 65 point 2): "Milk: regular / oat +5 000", "Extra shot +3 000", each with how many of its options
-- a line must and may take, attached to the products they change. A sold line keeps its own copy of what was chosen
-- (name and price, in sales), so an option can be renamed, repriced or removed without touching a sale.
create table modifier_groups (
    id          bigserial    primary key,
    name        varchar(100) not null unique,
    min_choices integer      not null default 0 check (min_choices >= 0),
    max_choices integer      not null default 1 check (max_choices >= 1),
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    check (min_choices <= max_choices)
);

create table modifier_options (
    id         bigserial      primary key,
    group_id   bigint         not null references modifier_groups (id) on delete cascade,
    name       varchar(100)   not null,
    price      numeric(12, 2) not null default 0 check (price >= 0),
    position   integer        not null default 0,
    unique (group_id, name)
);
create index modifier_options_group on modifier_options (group_id, position);

create table product_modifier_groups (
    product_id bigint  not null references products (id) on delete cascade,
    group_id   bigint  not null references modifier_groups (id) on delete cascade,
    position   integer not null default 0,
    primary key (product_id, group_id)
);
create index product_modifier_groups_group on product_modifier_groups (group_id);
