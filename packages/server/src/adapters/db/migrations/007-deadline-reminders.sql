-- One row per reminder sent: a case's deadline (kind + due date) is reminded once when it is near and once when
-- it has passed, however many instances run the job.
create table deadline_reminders (
  case_id text not null references cases (id),
  deadline_kind text not null,
  due_date text not null,
  level text not null check (level in ('due-soon', 'overdue')),
  sent_at timestamptz not null,
  primary key (case_id, deadline_kind, due_date, level)
);
