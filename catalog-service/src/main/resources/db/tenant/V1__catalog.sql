create table units (
    id          bigserial   primary key,
    code        varchar(20) not null unique,
    name        varchar(50) not null unique,
    short_name  varchar(10) not null,
    description text        not null default '',
    is_active   boolean     not null default true,
    created_at  timestamptz not null default now()
);

create table categories (
    id          bigserial    primary key,
    name        varchar(200) not null,
    slug        varchar(200) not null unique,
    description text         not null default '',
    parent_id   bigint       references categories (id) on delete cascade,
    sort_order  integer      not null default 0,
    is_active   boolean      not null default true,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

create table products (
    id              bigserial      primary key,
    name            varchar(255)   not null,
    slug            varchar(255)   not null unique,
    description     text           not null default '',
    category_id     bigint         references categories (id) on delete set null,
    sku             varchar(100)   not null unique,
    barcode         varchar(100)   unique,
    unit_id         bigint         not null references units (id),
    cost_price      numeric(12, 2) not null default 0 check (cost_price >= 0),
    sale_price      numeric(12, 2) not null default 0 check (sale_price >= 0),
    wholesale_price numeric(12, 2) check (wholesale_price >= 0),
    tax_rate        numeric(5, 2)  not null default 0 check (tax_rate >= 0),
    min_quantity    numeric(12, 3) not null default 0 check (min_quantity >= 0),
    max_quantity    numeric(12, 3) check (max_quantity >= 0),
    track_inventory boolean        not null default true,
    is_active       boolean        not null default true,
    is_featured     boolean        not null default false,
    created_at      timestamptz    not null default now(),
    updated_at      timestamptz    not null default now()
);
create index products_category on products (category_id);

-- The unit of stock. quantity is on hand, derived from the movement ledger and never negative.
create table batches (
    id             bigserial      primary key,
    product_id     bigint         not null references products (id) on delete cascade,
    batch_number   varchar(100)   not null,
    barcode        varchar(100)   not null,
    quantity       numeric(12, 3) not null default 0 check (quantity >= 0),
    purchase_price numeric(12, 2) not null check (purchase_price >= 0),
    expiry_date    date,
    supplier_name  varchar(200)   not null default '',
    is_active      boolean        not null default true,
    received_at    timestamptz    not null default now()
);
create index batches_fefo on batches (product_id, expiry_date, received_at) where is_active;

-- Every stock change is a movement (receipt, sale, refund, adjustment, write_off, count).
create table stock_movements (
    id         bigserial      primary key,
    product_id bigint         not null references products (id) on delete cascade,
    batch_id   bigint         references batches (id) on delete cascade,
    quantity   numeric(12, 3) not null,
    reason     varchar(20)    not null,
    reference  varchar(100)   not null default '',
    created_at timestamptz    not null default now()
);
create index stock_movements_product on stock_movements (product_id, created_at);

-- Holds for till carts: created on scan, released on remove/cancel, committed by SaleCompleted,
-- ignored once reserved_until has passed (an abandoned cart frees its stock by itself).
create table reservations (
    id             bigserial      primary key,
    product_id     bigint         not null references products (id) on delete cascade,
    batch_id       bigint         references batches (id) on delete cascade,
    quantity       numeric(12, 3) not null check (quantity > 0),
    request_ref    varchar(64)    not null,
    sale_ref       varchar(64)    not null default '',
    status         varchar(20)    not null default 'active',
    reserved_until timestamptz    not null,
    created_at     timestamptz    not null default now(),
    updated_at     timestamptz    not null default now()
);
create index reservations_request on reservations (request_ref);
create index reservations_active_batch on reservations (batch_id) where status = 'active';

-- Default data of every new store (spec Appendix B).
insert into units (code, name, short_name) values
    ('pcs', 'штука', 'шт'), ('kg', 'килограмм', 'кг'), ('g', 'грамм', 'г'), ('l', 'литр', 'л'),
    ('ml', 'миллилитр', 'мл'), ('m', 'метр', 'м'), ('pack', 'упаковка', 'уп'), ('box', 'коробка', 'кор'),
    ('pair', 'пара', 'пар'), ('set', 'набор', 'наб');

insert into categories (name, slug) values
    ('Продукты питания', 'food'), ('Напитки', 'beverages'), ('Молочные продукты', 'dairy'),
    ('Хлебобулочные изделия', 'bakery'), ('Мясо и птица', 'meat'), ('Овощи и фрукты', 'fruits-vegetables'),
    ('Кондитерские изделия', 'confectionery'), ('Бытовая химия', 'household-chemicals'),
    ('Личная гигиена', 'personal-care'), ('Канцелярия', 'stationery'), ('Хозтовары', 'household-goods'),
    ('Одежда', 'clothing'), ('Обувь', 'footwear'), ('Электроника', 'electronics'), ('Игрушки', 'toys'),
    ('Разное', 'other');
