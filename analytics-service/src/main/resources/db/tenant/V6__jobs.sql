-- When the store's day was last closed by the daily job (snapshots carried to the new day, old rows removed).
create table analytics_jobs (
    id          smallint primary key default 1 check (id = 1),
    last_closed date not null
);
