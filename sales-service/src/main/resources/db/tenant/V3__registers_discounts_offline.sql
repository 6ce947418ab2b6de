-- Registers are managed through the API (spec S1); a register with shifts is deactivated, not deleted.
alter table cash_registers add column notes text not null default '';
alter table cash_registers add column updated_at timestamptz not null default now();

-- Sales uploaded by offline tills carry the till's own id (uploading twice creates one sale) and the time of sale.
alter table sales add column client_id uuid unique;
alter table sales add column sold_at timestamptz;
alter table sales add column discount_by bigint;

create index sales_completed_cashier on sales (completed_at, cashier_user_id) where status <> 'pending' and status <> 'cancelled';
