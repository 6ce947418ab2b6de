-- The store's payment methods (issue 65 point 7, QRes' /payment-methods): the built-in ones, which a store can switch off
-- or rename, and its own (Click, Payme, Uzcard, ...), each enabled or not and counted in the drawer or not. A tender of a
-- checkout names one by its code; a method that has been paid with is never deleted, only switched off.
create table payment_methods (
    code              varchar(20)  primary key check (code ~ '^[a-z][a-z0-9_]{1,19}$'),
    name              varchar(100),
    built_in          boolean      not null default false,
    counted_in_drawer boolean      not null default false,
    is_active         boolean      not null default true,
    position          integer      not null,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now()
);
-- the built-in ones: named in the caller's language until the owner names them
insert into payment_methods (code, built_in, counted_in_drawer, position) values
    ('cash', true, true, 1),
    ('card', true, false, 2),
    ('mobile', true, false, 3),
    ('transfer', true, false, 4),
    ('credit', true, false, 5),
    ('bonus', true, false, 6);
