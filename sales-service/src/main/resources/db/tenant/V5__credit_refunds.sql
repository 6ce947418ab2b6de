-- The part of a refund that pays back a credit sale's debt (customer-service reduces the debt; it never leaves the till).
alter table refunds add column credit_amount numeric(12, 2) not null default 0;
