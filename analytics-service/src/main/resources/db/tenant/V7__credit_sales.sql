-- Credit sales (nasiya) apart from cash and card: the part of each sale bought on the customer's account, and of each
-- refund paid back to it.
alter table sale_facts add column credit numeric(14, 2) not null default 0;
alter table daily_sales add column credit_sales numeric(14, 2) not null default 0;
