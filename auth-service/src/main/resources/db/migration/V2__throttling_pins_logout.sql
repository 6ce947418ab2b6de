-- Failed attempts per key ('user:<name>', 'ip:<address>', 'pin:<store id>'): after too many within the window
-- the key is locked for a while, and even correct credentials are refused until then.
create table login_throttle (
    throttle_key varchar(200) primary key,
    failures     integer      not null default 0,
    window_start timestamptz  not null default now(),
    locked_until timestamptz
);

-- PINs for shared tills: an HMAC of the PIN keyed per deployment, unique within a store.
alter table employees add column pin_hash varchar(64);
alter table employees add column updated_at timestamptz not null default now();
create unique index employees_store_pin on employees (store_id, pin_hash) where pin_hash is not null;

create table auth_secrets (
    name       varchar(50) primary key,
    secret     text        not null,
    created_at timestamptz not null default now()
);

-- Refresh tokens may be limited to one store (PIN login on a shared till).
alter table refresh_tokens add column store_id bigint references stores (id);
