-- Credit (nasiya) held for a sale at the till before it completes: counted against the customer's available credit while
-- active, made final when sales announces the sale (SaleCompleted, with the debt in the ledger), released when the
-- checkout fails. An active hold that nobody settles stops counting after its expiry.
create table credit_holds (
    id           bigserial      primary key,
    request_ref  varchar(100)   not null unique,
    customer_id  bigint         not null references customers (id),
    sale_id      varchar(64)    not null,
    amount       numeric(12, 2) not null check (amount > 0),
    status       varchar(10)    not null default 'active' check (status in ('active', 'final', 'released')),
    created_at   timestamptz    not null default now(),
    expires_at   timestamptz    not null,
    settled_at   timestamptz
);
create index credit_holds_active on credit_holds (customer_id) where status = 'active';
create index credit_holds_sale on credit_holds (sale_id);
