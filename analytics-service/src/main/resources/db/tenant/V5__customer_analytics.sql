-- The customers analytics knows, from customer-service's events.
create table customers (
    customer_id   bigint primary key,
    full_name     varchar(300) not null,
    phone         varchar(20),
    customer_type varchar(20),
    updated_at    timestamptz  not null default now()
);

-- Spec §8.1 CustomerAnalytics: one current row per customer who ever bought (recency over the whole history,
-- frequency and monetary over the store's window), recomputed on each of their sales and refunds and daily on read.
create table customer_analytics (
    id                     bigserial      primary key,
    customer_id            bigint         not null unique,
    period_start           date           not null,
    period_end             date           not null,
    recency_days           integer        not null,
    frequency              integer        not null,
    monetary               numeric(14, 2) not null,
    r_score                smallint       not null,
    f_score                smallint       not null,
    m_score                smallint       not null,
    rfm_score              smallint       not null,
    segment                varchar(50)    not null,
    avg_purchase_amount    numeric(14, 2) not null,
    credit_purchases       integer        not null default 0,
    total_credit_amount    numeric(14, 2) not null default 0,
    created_at             timestamptz    not null default now(),
    updated_at             timestamptz    not null default now()
);
create index customer_analytics_monetary on customer_analytics (monetary desc);
create index customer_analytics_segment on customer_analytics (segment);
create index sale_facts_customer on sale_facts (customer_id, business_date) where customer_id is not null;

-- The store's analytics settings (one row): RFM window and thresholds for scores 5, 4, 3, 2.
create table analytics_settings (
    id              smallint primary key default 1 check (id = 1),
    rfm_window_days integer        not null,
    rfm_recency     integer[]      not null,
    rfm_frequency   integer[]      not null,
    rfm_monetary    numeric[]      not null,
    updated_at      timestamptz    not null default now()
);
