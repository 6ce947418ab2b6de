-- Refunds are facts too (negative amounts) on the date they happen: the daily report shows net sales.
alter table sale_facts add column kind varchar(10) not null default 'sale';
alter table daily_sales add column total_refunds numeric(14, 2) not null default 0;
alter table daily_sales add column refunds_count integer not null default 0;
