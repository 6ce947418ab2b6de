create table customers (
    id                    bigserial      primary key,
    first_name            varchar(100)   not null,
    last_name             varchar(100)   not null default '',
    middle_name           varchar(100)   not null default '',
    customer_type         varchar(20)    not null default 'individual',
    company_name          varchar(255)   not null default '',
    phone                 varchar(13)    not null unique,
    email                 varchar(254)   not null default '',
    address               text           not null default '',
    balance               numeric(12, 2) not null default 0,
    loyalty_points        integer        not null default 0,
    total_purchases       numeric(14, 2) not null default 0,
    total_purchases_count integer        not null default 0,
    is_active             boolean        not null default true,
    created_at            timestamptz    not null default now(),
    updated_at            timestamptz    not null default now(),
    last_purchase_at      timestamptz
);
create index customers_name on customers (last_name, first_name);
