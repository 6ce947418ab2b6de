-- The task workflow of spec §7 with its REWRITE: the assignee and the creator are employees of the store (their accounts
-- kept beside, for the checks made from a token); times of start and completion; the reason of a rejection.
alter table tasks add column assigned_user bigint;
alter table tasks add column created_by_user bigint;
alter table tasks add column estimated_hours numeric(5, 2);
alter table tasks add column started_at timestamptz;
alter table tasks add column completed_at timestamptz;
alter table tasks add column rejection_reason text not null default '';
alter table tasks alter column created_by drop not null;
update tasks set assigned_user = assigned_to, created_by_user = created_by;
alter table tasks alter column assigned_user set not null;
alter table tasks alter column created_by_user set not null;
create index tasks_assigned_user on tasks (assigned_user, status);
create index tasks_due on tasks (due_date);

create table task_comments (
    id          bigserial   primary key,
    task_id     bigint      not null references tasks (id) on delete cascade,
    author      bigint,
    author_user bigint      not null,
    text        text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index task_comments_task on task_comments (task_id, created_at);
