-- The cash a register's drawer starts each shift with: a shift opened without an amount (the web client opens with {})
-- starts with it.
alter table cash_registers add column starting_float numeric(14,2) not null default 0 check (starting_float >= 0);
