-- Service-wide tables that every Kassa service has (brief §3, §5).
create table kassa_tenant (
    tenant_key     varchar(80)  primary key,
    schema_name    varchar(63)  not null unique,
    time_zone      varchar(64)  not null,
    schema_version integer      not null,
    status         varchar(20)  not null default 'active',
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now()
);
create index kassa_tenant_outdated on kassa_tenant (schema_version);

-- Transactional outbox: written in the same transaction as the change, deleted once Kafka has it.
create table kassa_outbox (
    id          bigserial    primary key,
    event_id    uuid         not null unique,
    topic       varchar(100) not null,
    msg_key     varchar(100) not null,
    event_type  varchar(100) not null,
    envelope    text         not null,
    created_at  timestamptz  not null default now()
);

-- Idempotent consumers: an event id is recorded in the same transaction as its effect.
create table kassa_inbox (
    event_id     uuid         not null,
    consumer     varchar(100) not null,
    processed_at timestamptz  not null default now(),
    primary key (event_id, consumer)
);
