-- What a scanned code names, in one place for the two that ask (issue 41): the barcode lookup of the product feature
-- and a till's hold, which resolves the code in the statement that claims the hold and locks the product. A product's
-- own code first, then its extra codes, then an active batch's code (a batch code also names the batch). Each branch
-- keeps its table's index on the code: PostgreSQL pushes `code = …` into every branch of the union.
create view scanned_codes as
select barcode as code, id as product_id, null::bigint as batch_id, 'product'::varchar(10) as kind, 1 as precedence
  from products where barcode is not null
union all
select barcode, product_id, null::bigint, 'extra', 2 from product_barcodes
union all
select barcode, product_id, id, 'batch', 3 from batches where is_active and barcode is not null;
