-- When analytics took each sale in: its delay behind the sale (recorded_at − completed_at) is what owners wait to see a
-- sale in their reports, measured by `infra/kassa bench`.
alter table sale_facts add column recorded_at timestamptz not null default now();
