-- Recipes (issue 65 point 3; QRes' ingredients, Loyverse's composite items): a product made of other products in given
-- quantities (a latte: 18 g of coffee, 200 ml of milk, a cup). Selling it holds and takes its components out of stock
-- (FEFO) instead of itself; a component is never made of others itself.
create table recipe_components (
    product_id   bigint         not null references products (id) on delete cascade,
    component_id bigint         not null references products (id),
    quantity     numeric(14, 3) not null check (quantity > 0),
    position     integer        not null default 0,
    primary key (product_id, component_id),
    check (product_id <> component_id)
);
create index recipe_components_component on recipe_components (component_id);

-- An option of a modifier group may change what a composite product is made of: oat milk instead of milk
-- (replaces_id, with its own quantity or the replaced one's), or an extra shot of coffee (a component added).
alter table modifier_options
    add column component_id       bigint references products (id),
    add column component_quantity numeric(14, 3) check (component_quantity > 0),
    add column replaces_id        bigint references products (id);
