-- Product images (spec §3.1 ProductImage, C21, C27): a product's gallery, first by order then by age; the first is the
-- product's main_image. The bytes are kept by the platform's file store (kassa_file, same schema).
create table product_images (
    id         bigserial    primary key,
    product_id bigint       not null references products (id) on delete cascade,
    file_id    uuid         not null,
    alt_text   varchar(200) not null default '',
    sort_order integer      not null default 0,
    created_at timestamptz  not null default now()
);
create index product_images_product on product_images (product_id, sort_order, created_at, id);
