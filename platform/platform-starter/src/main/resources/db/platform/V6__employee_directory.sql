-- Each store's employees as auth announced them (EmployeeCreated / EmployeeUpdated): names on sales and tasks, who may be
-- assigned a task or sell.
create table kassa_employee (
    tenant_key  varchar(80)  not null,
    employee_id bigint       not null,
    user_id     bigint       not null,
    full_name   varchar(300) not null,
    role        varchar(20)  not null,
    phone       varchar(20)  not null default '',
    is_active   boolean      not null,
    updated_at  timestamptz  not null default now(),
    primary key (tenant_key, employee_id)
);
create index kassa_employee_user on kassa_employee (tenant_key, user_id);
