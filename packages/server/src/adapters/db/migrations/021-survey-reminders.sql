-- One reminder per case and side to answer the procedural-fairness survey (issue 13 part 2); the primary key claims
-- it, so the job never reminds a side twice however often or on however many instances it runs.
create table survey_reminders (
  case_id text not null references cases (id),
  side text not null check (side in ('investor', 'respondent')),
  sent_at timestamptz not null,
  primary key (case_id, side)
);
