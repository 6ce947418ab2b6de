-- Cash put into or taken out of a till during a shift (spec §4, CashMovement).
create table cash_movements (
    id              bigserial      primary key,
    session_id      bigint         not null references sessions (id),
    movement_type   varchar(20)    not null check (movement_type in ('cash_in', 'cash_out')),
    reason          varchar(20)    not null,
    amount          numeric(12, 2) not null check (amount > 0),
    description     text           not null default '',
    performed_by    bigint         not null,
    created_at      timestamptz    not null default now()
);
create index cash_movements_session on cash_movements (session_id, movement_type);

-- Refunds: whole sales or lines, never more than was sold; money goes back through a refund record.
alter table sale_items add column refunded_quantity numeric(12, 3) not null default 0;
alter table sale_items add constraint sale_items_refund_within_sold check (refunded_quantity >= 0 and refunded_quantity <= quantity);

create table refunds (
    id             bigserial      primary key,
    sale_id        bigint         not null references sales (id),
    session_id     bigint         not null references sessions (id),
    amount         numeric(12, 2) not null check (amount > 0),
    method         varchar(20)    not null,
    reason         text           not null default '',
    performed_by   bigint         not null,
    business_date  date           not null,
    created_at     timestamptz    not null default now()
);
create index refunds_sale on refunds (sale_id);
create index refunds_session on refunds (session_id, method);

create table refund_lines (
    refund_id    bigint         not null references refunds (id) on delete cascade,
    sale_item_id bigint         not null references sale_items (id),
    quantity     numeric(12, 3) not null check (quantity > 0),
    amount       numeric(12, 2) not null
);

alter table sales add column cancelled_at timestamptz;
