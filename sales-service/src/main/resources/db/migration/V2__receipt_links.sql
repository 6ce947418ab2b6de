-- The public links of digital receipts (GET /r/{token}), service-wide because a link names no store: the token is 24
-- URL-safe characters drawn from 144 random bits. A withdrawn link is kept (it answers 410) so that its token is never
-- given again; a sale then gets a new one when its receipt is printed again.
create table receipt_links (
    token        varchar(32) primary key,
    tenant_key   varchar(64) not null,
    sale_id      bigint      not null,
    created_at   timestamptz not null default now(),
    withdrawn_at timestamptz,
    withdrawn_by bigint
);
create unique index receipt_links_live on receipt_links (tenant_key, sale_id) where withdrawn_at is null;
