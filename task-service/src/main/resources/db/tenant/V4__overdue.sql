-- Whether TaskOverdue went out for the task's current deadline (a new deadline announces again).
alter table tasks add column overdue_announced boolean not null default false;
create index tasks_overdue_pending on tasks (due_date) where not overdue_announced;
