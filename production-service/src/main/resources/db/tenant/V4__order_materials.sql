-- What a released order holds in catalog (issue 87 point 5): each material of its recipe, how much for the order's
-- quantity, and the hold's reference in catalog (po-<order>-<material>)
create table order_materials (
    order_id    bigint         not null references production_orders (id) on delete cascade,
    product_id  bigint         not null,
    name        varchar(255)   not null,
    unit        varchar(50),
    quantity    numeric(14, 3) not null check (quantity > 0),
    request_ref varchar(64)    not null,
    primary key (order_id, product_id)
);
