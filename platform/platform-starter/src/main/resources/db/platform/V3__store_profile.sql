-- What receipts print about the store; kept from StoreCreated / StoreUpdated.
alter table kassa_tenant add column store_name varchar(200) not null default '';
alter table kassa_tenant add column address    varchar(500) not null default '';
alter table kassa_tenant add column phone      varchar(20)  not null default '';
alter table kassa_tenant add column legal_name varchar(255) not null default '';
alter table kassa_tenant add column tax_id     varchar(50)  not null default '';
