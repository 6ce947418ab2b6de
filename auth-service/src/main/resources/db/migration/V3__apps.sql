-- A store's apps (issue 38): partners' integrations that get tokens with the OAuth 2.0 client-credentials grant, bound to
-- the store and to the scopes its owner granted. The secret is kept as its SHA-256 (it is 32 random bytes); it is shown
-- once, when it is made.
create table apps (
    id           bigserial    primary key,
    store_id     bigint       not null references stores (id),
    name         varchar(100) not null,
    client_id    varchar(64)  not null unique,
    secret_hash  varchar(64)  not null,
    scopes       text[]       not null,
    created_by   bigint       not null,
    created_at   timestamptz  not null default now(),
    rotated_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index apps_of_store on apps (store_id) where revoked_at is null;
