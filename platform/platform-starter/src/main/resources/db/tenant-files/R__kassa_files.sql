-- The platform's file store (FileStore): photos and images of one store, in the store's own schema. Metadata always here;
-- the bytes here too (kept by PostgreSQL, backed up with the store's data).
create table if not exists kassa_file (
    id           uuid         primary key,
    content_type varchar(40)  not null,
    size_bytes   integer      not null check (size_bytes > 0),
    sha256       char(64)     not null,
    bytes        bytea        not null,
    owner        varchar(40)  not null,
    created_at   timestamptz  not null default now()
);
-- images arrive compressed: store them as they are, out of line, without PostgreSQL trying to compress them again
alter table kassa_file alter column bytes set storage external;
