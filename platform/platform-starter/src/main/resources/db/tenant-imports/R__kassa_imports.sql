-- The platform's import jobs (ImportJobs): a store's uploaded tables and what became of their rows, in the store's own
-- schema. The file is kept until the job ends. lease_until says until when the instance running the job answers for
-- it; after that any instance takes the job over (claim_token changes) from the last chunk it committed. Flyway runs
-- this again when it changes: keep it idempotent.
create table if not exists kassa_import (
    id             uuid         primary key,
    kind           varchar(30)  not null,
    status         varchar(10)  not null check (status in ('queued', 'running', 'done', 'failed')),
    file_name      varchar(255) not null,
    format         varchar(4)   not null,
    file           bytea,
    dry_run        boolean      not null,
    match          varchar(20)  not null,
    all_or_nothing boolean      not null,
    language       varchar(8)   not null,
    total_rows     integer      not null,
    rows_done      integer      not null default 0,
    created        integer      not null default 0,
    updated        integer      not null default 0,
    unchanged      integer      not null default 0,
    refused        integer      not null default 0,
    errors         jsonb        not null default '[]',
    errors_total   integer      not null default 0,
    ignored_columns jsonb       not null default '[]',
    applied        boolean      not null default false,
    failure_code   varchar(60),
    failure_message text,
    created_by     bigint,
    created_at     timestamptz  not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    lease_until    timestamptz  not null,
    claim_token    uuid
);
create index if not exists kassa_import_unfinished on kassa_import (lease_until) where status in ('queued', 'running');
create index if not exists kassa_import_created on kassa_import (kind, created_at desc);
-- uploaded tables are mostly text: let PostgreSQL compress them
alter table kassa_import alter column file set storage extended;
