-- Made on sale or made ahead (issue 87 point 2): a product with a recipe is made on sale (a latte: its stock is what its
-- components allow, a sale takes them) or made ahead (a film, a loaf: it keeps its own stock of finished batches, a sale
-- takes those). Every product made of others until now was made on sale. Expand only: a constant default, no rewrite of
-- the products; the check holds for new and changed rows now and for the old ones (all 'on_sale') once validated.
alter table products add column made varchar(10) not null default 'on_sale';
alter table products add constraint products_made check (made in ('on_sale', 'ahead')) not valid;
