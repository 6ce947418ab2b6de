-- Idempotency-Key: the first answer to a keyed request, replayed for retries (brief §6).
create table kassa_idempotency (
    scope         varchar(120) not null,
    idem_key      varchar(100) not null,
    request_hash  varchar(64)  not null,
    status        integer,
    content_type  varchar(100),
    body          text,
    created_at    timestamptz  not null default now(),
    primary key (scope, idem_key)
);
create index kassa_idempotency_created on kassa_idempotency (created_at);
