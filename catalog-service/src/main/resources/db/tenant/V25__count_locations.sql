-- Counts by location (issue 86 point 1): a stock-take may cover one location of the store; what it expects of each
-- product is what lies there, and applying it changes the stock there only. None (null): the whole store, as before.
-- Expand only: a nullable column, no rewrite of the counts; the key to locations is checked for new rows now and
-- validated for the old ones (all null) in a later release, as V23 does for the batches.
alter table stock_counts add column location_id bigint;
alter table stock_counts add constraint stock_counts_location_id_fkey foreign key (location_id) references locations (id) not valid;

-- A move note is found by its reference (MOVE-…) among the ledger's movements of reason move.
create index stock_movements_move_reference on stock_movements (reference) where reason = 'move';
