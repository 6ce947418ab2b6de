-- A store's webhooks (issue 38, part 2): subscriptions, one delivery per (subscription, event), each attempt logged.
create table webhook_subscriptions (
    id bigserial primary key,
    url text not null,
    description text not null default '',
    event_types text[] not null,
    secret text not null,
    -- after a rotation, the old secret still signs for a while, so a receiver can switch without losing deliveries
    previous_secret text,
    previous_secret_until timestamptz,
    is_active boolean not null default true,
    -- 'failing': Kassa turned it off after deliveries failed for the give-up window; null: on, or turned off by the owner
    disabled_reason text,
    failing_since timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table webhook_deliveries (
    id bigserial primary key,
    subscription_id bigint not null references webhook_subscriptions (id) on delete cascade,
    event_id uuid not null,
    event_type text not null,
    -- the JSON sent, exactly as signed
    body text not null,
    -- pending, delivered or failed (gave up after the give-up window)
    status text not null default 'pending',
    attempts integer not null default 0,
    next_attempt_at timestamptz,
    last_status_code integer,
    last_error text,
    delivered_at timestamptz,
    created_at timestamptz not null default now(),
    unique (subscription_id, event_id)
);

create index webhook_deliveries_log on webhook_deliveries (subscription_id, id desc);

create table webhook_attempts (
    id bigserial primary key,
    delivery_id bigint not null references webhook_deliveries (id) on delete cascade,
    attempted_at timestamptz not null,
    status_code integer,
    error text,
    duration_ms integer not null
);

create index webhook_attempts_delivery on webhook_attempts (delivery_id, id);
