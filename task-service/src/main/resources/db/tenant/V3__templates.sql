-- Task templates (spec §7.1): recurring chores an owner turns into tasks in one call.
create table task_templates (
    id              bigserial    primary key,
    title           varchar(200) not null,
    description     text         not null default '',
    category        varchar(100) not null,
    priority        varchar(20)  not null default 'medium',
    estimated_hours numeric(5, 2),
    created_by      bigint,
    created_by_user bigint       not null,
    is_active       boolean      not null default true,
    created_at      timestamptz  not null default now()
);
create index task_templates_category on task_templates (category, title);
