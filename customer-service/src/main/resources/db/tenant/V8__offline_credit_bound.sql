-- How far beyond a buyer's credit limit a sale made at an offline till may be recorded (issue 60, point 2): the owner's
-- bound, none by default; what is beyond it refuses that sale.
alter table loyalty_settings
    add column offline_credit_over_limit numeric(12, 2) not null default 0 check (offline_credit_over_limit >= 0);
