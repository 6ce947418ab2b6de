-- Reports on tasks (spec §7.1 TaskReport, TaskReportPhoto): what was done, in how many hours, with photos kept by the
-- platform's file store (kassa_file, same schema); the submitter's employee id and account, as for comments.
create table task_reports (
    id                bigserial     primary key,
    task_id           bigint        not null references tasks (id) on delete cascade,
    submitted_by      bigint,
    submitted_by_user bigint        not null,
    description       text          not null,
    actual_hours      numeric(5, 2) not null check (actual_hours >= 0),
    submitted_at      timestamptz   not null default now()
);
create index task_reports_task on task_reports (task_id, submitted_at);

create table task_report_photos (
    id          bigserial    primary key,
    report_id   bigint       not null references task_reports (id) on delete cascade,
    file_id     uuid         not null,
    caption     varchar(200) not null default '',
    uploaded_at timestamptz  not null default now()
);
create index task_report_photos_report on task_report_photos (report_id, id);
