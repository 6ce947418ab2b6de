-- A scan sums the active, unexpired holds of each candidate batch and every stock level sums them per product. The
-- partial indexes on (batch_id) and (product_id) alone left the planner a choice it made badly once holds piled up (a
-- sale's holds stay active until catalog has consumed its SaleCompleted, minutes behind at saturation): it walked
-- reservations_lapsed over every active hold of the store and filtered by batch, 20,000 rows per scan in the benchmark,
-- so catalog's CPU per sale grew with its own backlog. With the expiry and the quantity in the index, each sum reads
-- only the index entries of its own batch or product.
create index reservations_active_batch_until on reservations (batch_id, reserved_until) include (quantity) where status = 'active';
create index reservations_active_product_until on reservations (product_id, reserved_until) include (quantity) where status = 'active';
drop index reservations_active_batch;
drop index reservations_active_product;
