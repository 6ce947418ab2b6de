-- Transfers between an owner's stores (issue 64 points 5-6). Each store keeps its own copy: the source an outgoing
-- transfer (direction `out`: drafted, shipped, then told of each receipt by TransferReceived), the destination an incoming
-- one (direction `in`, made from TransferShipped by an idempotent consumer, received there). Never one transaction over
-- the two stores: in production they may live in different databases.
create sequence transfer_numbers;

create table transfers (
    id            bigserial   primary key,
    number        varchar(30) not null,
    direction     varchar(3)  not null check (direction in ('out', 'in')),
    from_store    varchar(64) not null,
    to_store      varchar(64) not null,
    -- at the destination: the source's transfer id
    source_id     bigint,
    status        varchar(20) not null default 'draft'
                  check (status in ('draft', 'shipped', 'partially_received', 'received', 'cancelled')),
    notes         text        not null default '',
    created_by    bigint,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    shipped_by    bigint,
    shipped_at    timestamptz,
    finished_at   timestamptz
);
create unique index transfers_out_number on transfers (number) where direction = 'out';
create unique index transfers_in_source on transfers (from_store, source_id) where direction = 'in';
create index transfers_created on transfers (created_at desc, id desc);

-- A line: at the source its product; at the destination the product of the same SKU (or barcode), null when there is
-- none (its goods can only be recorded as lost). Shipped, received and lost quantities; the lost ones at the source's cost.
create table transfer_lines (
    id                bigserial      primary key,
    transfer_id       bigint         not null references transfers (id) on delete cascade,
    line_no           integer        not null,
    product_id        bigint         references products (id),
    source_line_id    bigint,
    name              varchar(300)   not null default '',
    sku               varchar(100),
    barcode           varchar(100),
    quantity          numeric(12, 3) not null check (quantity > 0),
    shipped_quantity  numeric(12, 3) not null default 0 check (shipped_quantity >= 0),
    received_quantity numeric(12, 3) not null default 0 check (received_quantity >= 0),
    lost_quantity     numeric(12, 3) not null default 0 check (lost_quantity >= 0),
    lost_value        numeric(14, 2) not null default 0,
    unique (transfer_id, line_no)
);
create index transfer_lines_product on transfer_lines (product_id);

-- What left the source for a line, batch by batch (FEFO), with its cost, number and dates: the destination's batches are
-- made with the same; batch_id is the source's batch there and the destination's batch made for it here.
create table transfer_parts (
    id                 bigserial      primary key,
    line_id            bigint         not null references transfer_lines (id) on delete cascade,
    part_no            integer        not null,
    source_batch_id    bigint,
    batch_id           bigint         references batches (id) on delete set null,
    quantity           numeric(12, 3) not null check (quantity > 0),
    received_quantity  numeric(12, 3) not null default 0,
    cost_price         numeric(12, 2) not null,
    batch_number       varchar(100)   not null,
    manufacturing_date date,
    expiry_date        date,
    unique (line_id, part_no)
);

-- Each receipt at the destination once: a retried /receive with the same Idempotency-Key finds it.
create table transfer_receipts (
    id          bigserial    primary key,
    transfer_id bigint       not null references transfers (id) on delete cascade,
    request_key varchar(300) unique,
    received_by bigint,
    received_at timestamptz  not null default now(),
    notes       text         not null default ''
);
create index transfer_receipts_transfer on transfer_receipts (transfer_id);
