-- Lifecycle D, judicial confirmation (司法确认, DOMAIN §3D), on both platforms.

-- Mediation platform: the parties' joint application for an effective agreement. One party applies, the other
-- confirms (which makes it joint), then it travels to the competent court over the link under this row's id.
create table confirmation_applications (
  id text primary key,
  case_id text not null references cases (id),
  agreement_id text not null references agreements (id),
  status text not null,
  version integer not null default 1,
  applied_by text not null check (applied_by in ('investor', 'respondent')),
  applicant_user_id text not null references users (id),
  co_applicant_user_id text references users (id),
  -- Each side's signed statement (声明) and when it was given: { investor: {text, at, userId}, respondent: … }.
  statements jsonb not null default '{}',
  court_peer_id text not null references docking_peers (id),
  court_id text not null,
  court_name text not null,
  court_code text not null,
  routing_basis text not null,
  routing_reason text not null,
  effective_date text not null check (effective_date ~ '^\d{4}-\d{2}-\d{2}$'),
  window_last_day text not null check (window_last_day ~ '^\d{4}-\d{2}-\d{2}$'),
  reminders_sent integer[] not null default '{}',  -- days (20, 25) whose reminder went out
  court_case_number text,                           -- 民特 number on acceptance
  ruling_due_date text check (ruling_due_date ~ '^\d{4}-\d{2}-\d{2}$'),
  supplement_of text check (supplement_of in ('investor', 'respondent', 'both')),
  supplement_questions text,
  supplement_due_date text check (supplement_due_date ~ '^\d{4}-\d{2}-\d{2}$'),
  decision text check (decision in ('confirmed', 'rejected', 'withdrawn', 'not-accepted')),
  ground_code text,
  decision_note text,
  ruling_document jsonb,                            -- the ruling's attachment as the court's signed message named it
  ruling_verification_code text,
  ruling_message_id text,
  outcome_note text,                                -- the co-applicant's refusal or a withdrawal's reason
  next_deadline_kind text,
  next_deadline_date text check (next_deadline_date ~ '^\d{4}-\d{2}-\d{2}$'),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  closed_at timestamptz
);
create unique index confirmation_applications_live on confirmation_applications (agreement_id)
  where status in ('awaiting_co_applicant', 'submitted', 'accepted', 'supplement_requested', 'confirmed');
create index confirmation_applications_case on confirmation_applications (case_id, created_at);
create index confirmation_applications_deadline on confirmation_applications (next_deadline_date)
  where next_deadline_date is not null;
create unique index confirmation_applications_ruling_code on confirmation_applications (ruling_verification_code)
  where ruling_verification_code is not null;

create table confirmation_application_events (
  id bigint generated always as identity primary key,
  application_id text not null references confirmation_applications (id),
  event text not null,
  from_status text,
  to_status text not null,
  actor_user_id text references users (id),
  actor_name text not null,
  at timestamptz not null,
  note text,
  payload jsonb not null default '{}'
);
create index confirmation_application_events_app on confirmation_application_events (application_id, id);

-- A court-referred case remembers its court's id and code: the agreement is confirmed there (民事诉讼法 第二百零五条).
alter table cases add column court_id text;
alter table cases add column court_code text;

-- Court platform: a confirmation case is a court case of its own kind, numbered 民特 on acceptance (filing_number).
alter table court_cases drop constraint court_cases_kind_check;
alter table court_cases add constraint court_cases_kind_check
  check (kind in ('delegation', 'entrustment', 'confirmation'));
alter table court_cases add column application jsonb;       -- the confirmation.apply body as received
alter table court_cases add column judge_user_id text references users (id);
alter table court_cases add column judge_name text;
alter table court_cases add column supplement_of text check (supplement_of in ('investor', 'respondent', 'both'));
alter table court_cases add column supplement_questions text;
alter table court_cases add column supplement_due_date text check (supplement_due_date ~ '^\d{4}-\d{2}-\d{2}$');
alter table court_cases add column review_extended_by text;  -- the president who approved the +10 days
alter table court_cases add column ruling jsonb;             -- { decision, groundCode, reason }
create unique index court_cases_confirmation_number on court_cases (filing_number)
  where kind = 'confirmation' and filing_number is not null;
create unique index court_cases_confirmation_link on court_cases (peer_id, link_ref) where kind = 'confirmation';

alter table court_case_parties drop constraint court_case_parties_role_check;
alter table court_case_parties add constraint court_case_parties_role_check
  check (role in ('plaintiff', 'defendant', 'third-party', 'applicant'));

alter table court_documents drop constraint court_documents_kind_check;
alter table court_documents add constraint court_documents_kind_check
  check (kind in ('mediation-document', 'confirmation-ruling'));
