-- Suppliers (spec §3.1 Supplier); batches may name one.
create table suppliers (
    id               bigserial      primary key,
    name             varchar(200)   not null,
    code             varchar(50)    unique,
    contact_person   varchar(200)   not null default '',
    email            varchar(254)   not null default '',
    phone            varchar(20)    not null default '',
    address          text           not null default '',
    website          varchar(200)   not null default '',
    payment_terms    varchar(200)   not null default '',
    delivery_time    integer        check (delivery_time >= 0),
    min_order_amount numeric(12, 2) check (min_order_amount >= 0),
    rating           integer        not null default 0 check (rating between 0 and 5),
    is_active        boolean        not null default true,
    notes            text           not null default '',
    created_at       timestamptz    not null default now(),
    updated_at       timestamptz    not null default now()
);

alter table batches add column manufacturing_date date;
alter table batches add column supplier_id bigint references suppliers (id) on delete set null;
alter table batches add column notes text not null default '';
alter table batches add column updated_at timestamptz not null default now();
alter table batches add constraint batches_dates check (manufacturing_date is null or expiry_date is null or manufacturing_date < expiry_date);
create index batches_barcode on batches (barcode);

-- Who moved stock and why, for the history (the ledger itself is V1's stock_movements).
alter table stock_movements add column note text not null default '';
alter table stock_movements add column created_by bigint;

-- Extra barcodes of a product (spec C30); unique in the store.
create table product_barcodes (
    id           bigserial    primary key,
    product_id   bigint       not null references products (id) on delete cascade,
    barcode      varchar(100) not null unique,
    barcode_type varchar(20)  not null default 'ean13',
    is_primary   boolean      not null default false,
    created_at   timestamptz  not null default now()
);
create index product_barcodes_product on product_barcodes (product_id);

-- Tags, linked to products (the original never linked them).
create table tags (
    id          bigserial   primary key,
    name        varchar(50) not null unique,
    slug        varchar(50) not null unique,
    color       varchar(7)  not null default '#3B82F6',
    icon        varchar(50) not null default '',
    description text        not null default '',
    is_active   boolean     not null default true,
    sort_order  integer     not null default 0,
    created_at  timestamptz not null default now()
);
create table product_tags (
    product_id bigint not null references products (id) on delete cascade,
    tag_id     bigint not null references tags (id) on delete cascade,
    primary key (product_id, tag_id)
);

-- Attributes (spec C5–C9, C20).
create table attributes (
    id            bigserial    primary key,
    name          varchar(100) not null unique,
    slug          varchar(100) not null unique,
    type          varchar(20)  not null default 'text' check (type in ('text', 'number', 'select', 'multiselect', 'boolean')),
    description   text         not null default '',
    is_required   boolean      not null default false,
    is_filterable boolean      not null default true,
    sort_order    integer      not null default 0,
    is_active     boolean      not null default true,
    created_at    timestamptz  not null default now()
);
create table attribute_values (
    id           bigserial    primary key,
    attribute_id bigint       not null references attributes (id) on delete cascade,
    value        varchar(200) not null,
    sort_order   integer      not null default 0,
    is_active    boolean      not null default true,
    created_at   timestamptz  not null default now(),
    unique (attribute_id, value)
);
create table category_attributes (
    id           bigserial   primary key,
    category_id  bigint      not null references categories (id) on delete cascade,
    attribute_id bigint      not null references attributes (id) on delete cascade,
    is_required  boolean     not null default false,
    is_variant   boolean     not null default false,
    sort_order   integer     not null default 0,
    created_at   timestamptz not null default now(),
    unique (category_id, attribute_id)
);
create table product_attributes (
    id              bigserial      primary key,
    product_id      bigint         not null references products (id) on delete cascade,
    attribute_id    bigint         not null references attributes (id) on delete cascade,
    value_text      varchar(500)   not null default '',
    value_number    numeric(12, 3),
    value_boolean   boolean,
    value_option_id bigint         references attribute_values (id) on delete set null,
    created_at      timestamptz    not null default now(),
    unique (product_id, attribute_id)
);

alter table products add column weight numeric(10, 3) check (weight >= 0);
alter table products add column volume numeric(10, 3) check (volume >= 0);
create index reservations_lapsed on reservations (reserved_until) where status = 'active';
