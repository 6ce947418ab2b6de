-- Which process runs a keyed request's first attempt (its connections' application_name): a retry may take over the
-- claim of an instance that died before it stored the answer, instead of answering "in progress" for a day.
alter table kassa_idempotency add column owner varchar(63);
