-- Service-wide, like the outbox: which stores have active webhooks (so the consumer skips the others without opening
-- their schemas) and which deliveries are due, with a lease while an instance sends one.
create table webhook_stores (
    tenant_key text primary key
);

create table webhook_queue (
    tenant_key text not null,
    delivery_id bigint not null,
    due_at timestamptz not null,
    primary key (tenant_key, delivery_id)
);

create index webhook_queue_due on webhook_queue (due_at);
