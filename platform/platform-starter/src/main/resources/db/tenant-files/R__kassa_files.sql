-- The platform's file store (FileStore): photos and images of one store, in the store's own schema. Metadata always
-- here; the bytes here too (storage 'postgres', kept and backed up with the store's data) or in an S3-compatible bucket
-- under <schema>/<id> (storage 's3', kassa.files.storage=s3). Flyway runs this again when it changes: keep it idempotent.
create table if not exists kassa_file (
    id           uuid         primary key,
    content_type varchar(40)  not null,
    size_bytes   integer      not null check (size_bytes > 0),
    sha256       char(64)     not null,
    bytes        bytea,
    owner        varchar(40)  not null,
    created_at   timestamptz  not null default now()
);
alter table kassa_file add column if not exists storage varchar(10) not null default 'postgres';
alter table kassa_file alter column bytes drop not null;
do $$ begin
    alter table kassa_file add constraint kassa_file_bytes_kept check (storage <> 'postgres' or bytes is not null);
exception when duplicate_object then null;
end $$;
-- images arrive compressed: store them as they are, out of line, without PostgreSQL trying to compress them again
alter table kassa_file alter column bytes set storage external;
