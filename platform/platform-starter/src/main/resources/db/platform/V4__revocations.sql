-- Access revoked by auth events: tokens of a user (user_id 0: of everyone) for a store issued before not_before are refused.
create table kassa_revocation (
    tenant_key varchar(80) not null,
    user_id    bigint      not null,
    not_before timestamptz not null,
    primary key (tenant_key, user_id)
);
