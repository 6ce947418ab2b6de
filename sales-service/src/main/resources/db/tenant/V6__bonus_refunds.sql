-- The part of a refund that gives back the loyalty points a sale was paid with (customer-service returns them; no money leaves the till).
alter table refunds add column bonus_amount numeric(12, 2) not null default 0;
