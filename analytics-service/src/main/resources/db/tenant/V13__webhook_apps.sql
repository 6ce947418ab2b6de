-- A subscription made by one of the store's apps (its id in auth); null: made by the owner. An app sees and changes only its
-- own subscriptions; the owner sees every one (issue 60, point 7).
alter table webhook_subscriptions add column app_id bigint;
