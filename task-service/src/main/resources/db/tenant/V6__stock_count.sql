-- A stock-take task names its count (issue 63, point 2): catalog-service's stock_counts id, for a task of category
-- inventory. A reference across services, not a foreign key: the count lives in catalog's database.
alter table tasks add column stock_count bigint;
