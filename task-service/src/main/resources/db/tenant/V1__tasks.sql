create table tasks (
    id               bigserial    primary key,
    title            varchar(200) not null,
    description      text         not null default '',
    assigned_to      bigint       not null,
    created_by       bigint       not null,
    priority         varchar(20)  not null default 'medium',
    status           varchar(20)  not null default 'pending',
    category         varchar(100) not null default '',
    due_date         timestamptz  not null,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);
create index tasks_assignee on tasks (assigned_to, status);
create index tasks_creator on tasks (created_by);
