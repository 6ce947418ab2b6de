-- A keyed request that a till retries on another instance after the first one died mid-request runs again
-- (IdempotencyFilter); these make the second run give the first run's result instead of doing it twice.
-- the lines a keyed scan wrote, found by the request:
alter table sale_items add column request_ref varchar(64);
create index sale_items_request on sale_items (request_ref) where request_ref is not null;
-- a checkout of a sale completed under the same key answers the sale:
alter table sales add column checkout_ref varchar(64);
-- a refund made under the same key is not made again:
alter table refunds add column request_ref varchar(64);
create unique index refunds_request on refunds (request_ref) where request_ref is not null;
