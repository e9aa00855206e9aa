-- Lifecycle A (direct application) on the mediation platform: cases, their timeline, evidence, consents,
-- messages and mediation record. Agreements (003) reference cases.id.

-- Gapless case numbers per organization and year: allocated with `update … set last = last + 1 returning`
-- inside the submitting transaction, so a rolled-back submission consumes nothing.
create table case_number_sequences (
  organization_id text not null references organizations (id),
  year integer not null,
  last integer not null default 0,
  primary key (organization_id, year)
);

-- Uploaded files. The bytes live once under storageDir/<sha256[0..2]>/<sha256>; each upload is a row.
create table uploads (
  id text primary key,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  sm3 text not null check (sm3 ~ '^[0-9a-f]{64}$'),
  name text not null,
  size integer not null check (size > 0),
  mime text not null check (mime in ('application/pdf', 'image/png', 'image/jpeg')),
  owner_user_id text not null references users (id),
  created_at timestamptz not null default now()
);
create index uploads_owner on uploads (owner_user_id, created_at desc);
create index uploads_sha256 on uploads (sha256);

-- Public roster details of mediators (DOMAIN §2); the person is a user with the mediator role.
create table mediator_profiles (
  user_id text primary key references users (id),
  specialties jsonb not null default '[]',
  listed boolean not null default true
);

create table cases (
  id text primary key,
  case_number text unique,                -- assigned on submission, never reused
  lifecycle text not null default 'direct-application',
  organization_id text not null references organizations (id),   -- handling mediation organization
  applicant_user_id text not null references users (id),
  agent_user_id text references users (id),
  respondent_org_id text not null references organizations (id),
  mediator_user_id text references users (id),
  status text not null,
  track text check (track in ('simple', 'ordinary', 'small-claim', 'complex')),
  version integer not null default 1,     -- compare-and-set token; every transition bumps it
  claim_amount_fen bigint not null check (claim_amount_fen > 0),
  facts text not null,
  requests text not null,
  -- Snapshot at application time: later profile changes do not rewrite the case.
  applicant_name text not null,
  applicant_investor_kind text check (applicant_investor_kind in ('ordinary', 'professional')),
  next_deadline_kind text,
  next_deadline_date text check (next_deadline_date ~ '^\d{4}-\d{2}-\d{2}$'),
  supplement_request text,
  respondent_reply text check (respondent_reply in ('willing', 'unwilling')),
  respondent_reply_note text,
  mediator_choice_investor text references users (id),
  mediator_choice_respondent text references users (id),
  recused_mediator_ids jsonb not null default '[]',
  not_accepted_reason_code text,
  not_accepted_note text,
  failure_reason_code text,
  undisputed_facts text,                  -- 无争议事实记载
  closing_reason text,                    -- withdrawal or termination reason
  submitted_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- The list queries: org queue, mediator's cases, investor's own, respondent's firm.
create index cases_org_queue on cases (organization_id, status, updated_at desc);
create index cases_mediator on cases (mediator_user_id, updated_at desc) where mediator_user_id is not null;
create index cases_applicant on cases (applicant_user_id, updated_at desc);
create index cases_agent on cases (agent_user_id, updated_at desc) where agent_user_id is not null;
create index cases_respondent on cases (respondent_org_id, status, updated_at desc);
create index cases_updated on cases (updated_at desc);

-- The timeline: one row per transition (and for creation), written in the transition's transaction.
create table case_events (
  id bigint generated always as identity primary key,
  case_id text not null references cases (id),
  event text not null,
  from_status text,
  to_status text not null,
  actor_user_id text references users (id),
  actor_role text,
  actor_name text not null,
  at timestamptz not null,
  note text,
  payload jsonb not null default '{}'
);
create index case_events_case on case_events (case_id, id);

create table case_evidence (
  case_id text not null references cases (id),
  upload_id text not null references uploads (id),
  added_by_user_id text not null references users (id),
  added_at timestamptz not null default now(),
  primary key (case_id, upload_id)
);

-- Consents to online mediation and to personal-data processing, per versioned text (domain/consents.ts).
create table consents (
  id text primary key,
  user_id text not null references users (id),
  case_id text references cases (id),
  kind text not null check (kind in ('online-mediation', 'personal-data')),
  version text not null,
  given_at timestamptz not null
);
create index consents_case on consents (case_id, kind);
create index consents_user on consents (user_id);

create table case_messages (
  id text primary key,
  case_id text not null references cases (id),
  author_user_id text not null references users (id),
  author_role text not null,
  author_name text not null,
  body text not null,
  created_at timestamptz not null
);
create index case_messages_case on case_messages (case_id, created_at);

-- 调解笔录: entries kept by the mediator.
create table case_record (
  id text primary key,
  case_id text not null references cases (id),
  author_user_id text not null references users (id),
  author_name text not null,
  body text not null,
  created_at timestamptz not null
);
create index case_record_case on case_record (case_id, created_at);
