-- Customer groups (spec §6.1): a discount for their members; VIPs are members of a group with 10 % or more.
create table customer_groups (
    id                  bigserial      primary key,
    name                varchar(100)   not null unique,
    description         text           not null default '',
    discount_percent    numeric(5, 2)  not null default 0,
    min_purchase_amount numeric(12, 2),
    is_active           boolean        not null default true,
    created_at          timestamptz    not null default now(),
    updated_at          timestamptz    not null default now()
);

-- The full customer record; a deleted customer is kept (past sales and the ledger name them) but gone from lists and
-- lookups, and their phone can be used again.
alter table customers add column tax_id varchar(50) not null default '';
alter table customers add column phone_2 varchar(13) not null default '';
alter table customers add column city varchar(100) not null default '';
alter table customers add column region varchar(100) not null default '';
alter table customers add column postal_code varchar(20) not null default '';
alter table customers add column group_id bigint references customer_groups (id) on delete set null;
alter table customers add column credit_limit numeric(12, 2) not null default 0;
alter table customers add column birthday date;
alter table customers add column notes text not null default '';
alter table customers add column is_blocked boolean not null default false;
alter table customers add column deleted_at timestamptz;
alter table customers drop constraint customers_phone_key;
create unique index customers_phone_live on customers (phone) where deleted_at is null;
create index customers_group on customers (group_id);

-- The balance ledger: every change of a customer's balance, with the balance before and after (spec §6.1).
create table customer_transactions (
    id               bigserial      primary key,
    customer_id      bigint         not null references customers (id),
    transaction_type varchar(20)    not null,
    amount           numeric(12, 2) not null,
    balance_before   numeric(12, 2) not null,
    balance_after    numeric(12, 2) not null,
    sale_id          varchar(64),
    payment_method   varchar(20),
    description      text           not null default '',
    performed_by     bigint,
    created_at       timestamptz    not null default now()
);
create index customer_transactions_customer on customer_transactions (customer_id, created_at desc);
