-- A store's kind (issue 64 point 4), chosen when it opens: a shop (tills and shifts) or a warehouse (stock only).
alter table stores add column kind varchar(20) not null default 'shop' check (kind in ('shop', 'warehouse'));
