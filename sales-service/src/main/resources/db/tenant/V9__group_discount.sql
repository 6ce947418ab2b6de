-- Whether the sale's discount is the attached buyer's group discount (removed with the buyer) or one a cashier gave.
alter table sales add column discount_from_group boolean not null default false;
