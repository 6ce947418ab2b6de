create table cash_registers (
    id         bigserial    primary key,
    name       varchar(100) not null,
    code       varchar(50)  not null unique,
    location   varchar(200) not null default '',
    is_active  boolean      not null default true,
    created_at timestamptz  not null default now()
);

create table sessions (
    id               bigserial      primary key,
    cash_register_id bigint         not null references cash_registers (id),
    cashier_user_id  bigint         not null,
    cashier_name     varchar(200)   not null,
    status           varchar(20)    not null default 'open',
    opening_cash     numeric(12, 2) not null check (opening_cash >= 0),
    expected_cash    numeric(12, 2) not null default 0,
    actual_cash      numeric(12, 2),
    cash_difference  numeric(12, 2) not null default 0,
    notes            text           not null default '',
    opened_at        timestamptz    not null default now(),
    closed_at        timestamptz
);
-- one open shift per cashier and register, enforced by the database
create unique index sessions_one_open on sessions (cashier_user_id, cash_register_id) where status in ('open', 'suspended');

-- receipt numbers: <register code>-<local yyyyMMdd>-<sequence>, never two alike
create table receipt_counters (
    register_code varchar(50) not null,
    business_date date        not null,
    last_number   integer     not null,
    primary key (register_code, business_date)
);

create table sales (
    id               bigserial      primary key,
    session_id       bigint         not null references sessions (id),
    cashier_user_id  bigint         not null,
    cashier_name     varchar(200)   not null,
    receipt_number   varchar(50)    not null unique,
    status           varchar(20)    not null default 'pending',
    customer_id      bigint,
    customer_name    varchar(200)   not null default '',
    customer_phone   varchar(20)    not null default '',
    subtotal         numeric(12, 2) not null default 0,
    discount_amount  numeric(12, 2) not null default 0,
    discount_percent numeric(5, 2)  not null default 0,
    tax_amount       numeric(12, 2) not null default 0,
    total_amount     numeric(12, 2) not null default 0,
    change_amount    numeric(12, 2) not null default 0,
    notes            text           not null default '',
    created_at       timestamptz    not null default now(),
    completed_at     timestamptz,
    business_date    date
);
create unique index sales_one_draft on sales (session_id, cashier_user_id) where status = 'pending';
create index sales_session_status on sales (session_id, status);

create table sale_items (
    id              bigserial      primary key,
    sale_id         bigint         not null references sales (id) on delete cascade,
    product_id      bigint         not null,
    product_name    varchar(255)   not null,
    product_sku     varchar(100)   not null,
    unit            varchar(10)    not null default '',
    batch_id        bigint,
    batch_number    varchar(100),
    quantity        numeric(12, 3) not null check (quantity > 0),
    unit_price      numeric(12, 2) not null check (unit_price >= 0),
    unit_cost       numeric(12, 2) not null default 0,
    discount_amount numeric(12, 2) not null default 0,
    tax_rate        numeric(5, 2)  not null default 0,
    line_total      numeric(12, 2) not null,
    reservation_ref varchar(64)    not null,
    created_at      timestamptz    not null default now()
);
create index sale_items_sale on sale_items (sale_id);

create table payments (
    id              bigserial      primary key,
    sale_id         bigint         not null references sales (id) on delete cascade,
    session_id      bigint         not null references sessions (id),
    payment_method  varchar(20)    not null,
    amount          numeric(12, 2) not null check (amount > 0),
    received_amount numeric(12, 2),
    change_amount   numeric(12, 2) not null default 0,
    card_last4      varchar(4),
    transaction_id  varchar(100),
    created_at      timestamptz    not null default now()
);
create index payments_session on payments (session_id, payment_method);
