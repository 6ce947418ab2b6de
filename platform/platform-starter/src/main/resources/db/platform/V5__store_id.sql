-- The store's id in auth, from StoreCreated / StoreUpdated: cross-store reports name stores by it.
alter table kassa_tenant add column store_id bigint;
