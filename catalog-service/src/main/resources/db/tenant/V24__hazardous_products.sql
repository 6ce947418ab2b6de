-- Hazardous materials (issue 86 point 1, MPSYSTEM's MAG-1.1 for ADR goods): a product flagged so is only ever put at a
-- location of type 'hazardous'. Expand only: a constant default, no rewrite of the products.
alter table products add column hazardous boolean not null default false;
