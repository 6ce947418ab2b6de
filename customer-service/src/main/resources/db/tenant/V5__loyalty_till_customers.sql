-- Loyalty (issue 11): the store's rules, points in the same ledger as the balance, points held for the bonus tender.
create table loyalty_settings (
    id               integer        primary key default 1 check (id = 1),
    is_enabled       boolean        not null default true,
    -- one point per full amount_per_point of a purchase (net of what was paid with points)
    amount_per_point numeric(12, 2) not null default 100 check (amount_per_point > 0),
    -- what one point pays at the till
    point_value      numeric(12, 2) not null default 1 check (point_value > 0),
    updated_at       timestamptz    not null default now()
);
insert into loyalty_settings default values;

-- a points row keeps the balance as it was (balance_before = balance_after) and says what happened to the points
alter table customer_transactions add column points integer;
alter table customer_transactions add column points_before integer;
alter table customer_transactions add column points_after integer;

-- the bonus tender holds points like the credit tender holds credit
alter table credit_holds add column kind varchar(10) not null default 'credit' check (kind in ('credit', 'bonus'));
alter table credit_holds add column points integer;

-- what each purchase earned and spent, so a refund reverses exactly that
alter table customer_purchases add column points_base numeric(14, 2) not null default 0;
alter table customer_purchases add column points_earned integer not null default 0;
-- the store's amount per point when the purchase earned them (a later change of the rule does not alter old purchases)
alter table customer_purchases add column points_per numeric(12, 2);
alter table customer_purchases add column points_reversed integer not null default 0;
alter table customer_purchases add column bonus_amount numeric(14, 2) not null default 0;
alter table customer_purchases add column bonus_points integer not null default 0;
alter table customer_purchases add column bonus_refunded numeric(14, 2) not null default 0;
