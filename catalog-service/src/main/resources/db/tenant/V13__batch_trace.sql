-- Batch trace (issue 63, point 5): a completed hold keeps the receipt number and the buyer of the sale that took it, so a
-- recall can name every sale of a batch and who bought from it.
alter table reservations add column receipt_number varchar(100);
alter table reservations add column customer_id bigint;
create index reservations_completed_batch on reservations (batch_id) where status = 'completed';
