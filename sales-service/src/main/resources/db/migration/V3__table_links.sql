-- The public menu links of tables (GET /m/{token}), service-wide because a link names no store: the token is 24 URL-safe
-- characters drawn from 144 random bits. A withdrawn link (a new QR code printed, the table deleted) is kept so that its
-- token is never given again; it answers 410.
create table table_links (
    token        varchar(32) primary key,
    tenant_key   varchar(64) not null,
    table_id     bigint      not null,
    created_at   timestamptz not null default now(),
    withdrawn_at timestamptz
);
create unique index table_links_live on table_links (tenant_key, table_id) where withdrawn_at is null;
