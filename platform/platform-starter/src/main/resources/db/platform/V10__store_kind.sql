-- A store's kind (issue 64 point 4): a shop, or a warehouse (stock only: sales opens no register or shift there), as
-- auth's StoreCreated and StoreUpdated announce it.
alter table kassa_tenant add column store_kind varchar(20) not null default 'shop';
