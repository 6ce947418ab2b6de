create table note (
    id         bigserial primary key,
    text       varchar(200) not null,
    amount     numeric(12, 2) not null default 0,
    created_at timestamptz not null default now()
);
