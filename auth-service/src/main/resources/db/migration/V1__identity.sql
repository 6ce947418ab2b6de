-- auth-service keeps users, stores and employees in service-wide tables (brief §3):
-- login lists a user's stores across all tenants with one query.
create table users (
    id            bigserial    primary key,
    username      varchar(150) not null unique,
    password_hash varchar(100) not null,
    first_name    varchar(150) not null default '',
    last_name     varchar(150) not null default '',
    middle_name   varchar(150) not null default '',
    email         varchar(254) not null default '',
    phone         varchar(13),
    is_active     boolean      not null default true,
    created_at    timestamptz  not null default now(),
    last_login_at timestamptz
);

create table stores (
    id          bigserial    primary key,
    name        varchar(255) not null,
    slug        varchar(56)  not null unique,
    schema_name varchar(63)  not null unique,
    tenant_key  varchar(80)  not null unique,
    description text         not null default '',
    address     varchar(500) not null default '',
    city        varchar(100) not null default '',
    region      varchar(100) not null default '',
    phone       varchar(13)  not null default '',
    email       varchar(254) not null default '',
    legal_name  varchar(255) not null default '',
    tax_id      varchar(50)  not null default '',
    time_zone   varchar(64)  not null default 'Asia/Tashkent',
    is_active   boolean      not null default true,
    owner_id    bigint       not null references users (id),
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);
create index stores_owner on stores (owner_id);

create table employees (
    id         bigserial    primary key,
    store_id   bigint       not null references stores (id),
    user_id    bigint       references users (id),
    role       varchar(20)  not null,
    first_name varchar(150) not null default '',
    last_name  varchar(150) not null default '',
    phone      varchar(13)  not null default '',
    position   varchar(100) not null default '',
    is_active  boolean      not null default true,
    hired_at   date         not null default current_date,
    created_at timestamptz  not null default now(),
    constraint employees_user_store unique (user_id, store_id)
);
create index employees_user on employees (user_id) where is_active;

-- Opaque refresh tokens, stored hashed, rotated on every use; a family is revoked when a used token returns.
create table refresh_tokens (
    id         bigserial   primary key,
    token_hash varchar(64) not null unique,
    user_id    bigint      not null references users (id),
    family     uuid        not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz,
    created_at timestamptz not null default now()
);
create index refresh_tokens_family on refresh_tokens (family);

create table signing_keys (
    kid         varchar(64) primary key,
    private_key text        not null,
    public_key  text        not null,
    active      boolean     not null default true,
    created_at  timestamptz not null default now()
);
