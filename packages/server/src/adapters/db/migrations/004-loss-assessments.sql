-- Lifecycle E, loss assessment entrustment (损失核定委托, DOMAIN §3E; computation in LOSS-SPEC.md).
-- Inputs are plain data — parameters as JSON and files by content hash — so the docking link can carry them.

create table loss_assessments (
  id text primary key,
  case_number text not null,                               -- the entrusting court's case, e.g. (2026)沪74民初45号
  court_org_id text not null references organizations (id),
  court_name text not null,                                -- snapshot: the report must read the same forever
  entrusted_on text not null check (entrusted_on ~ '^\d{4}-\d{2}-\d{2}$'),
  organization_id text references organizations (id),     -- the center doing the assessment
  status text not null check (status in ('draft', 'data_ready', 'calculating', 'calculated', 'issued')),
  version integer not null default 1,                      -- compare-and-set on every state change
  params jsonb not null,                                   -- LOSS-SPEC §1 parameters exactly as entered
  progress_done integer not null default 0,                -- trades assessed so far (polled by the UI)
  progress_total integer not null default 0,
  run_error jsonb,                                         -- why the last run failed, {code, zh, en, ...}
  summary jsonb,                                           -- the engine's CaseSummary of the last run
  created_by_user_id text not null references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  calculated_at timestamptz
);
create index loss_assessments_status on loss_assessments (status, created_at desc);

-- The current file of each kind. Trades, market data and corporate actions are kept content-addressed in storage;
-- the investor list is not kept as a file at all (its ID numbers exist only encrypted, in loss_investors).
create table loss_assessment_files (
  assessment_id text not null references loss_assessments (id),
  kind text not null check (kind in ('trades', 'market', 'actions', 'investors')),
  name text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  sm3 text not null check (sm3 ~ '^[0-9a-f]{64}$'),
  size bigint not null,
  rows integer not null,
  stored boolean not null,                                 -- false for the investor list
  uploaded_by_user_id text not null references users (id),
  uploaded_at timestamptz not null,
  primary key (assessment_id, kind)
);

create table loss_investors (
  assessment_id text not null references loss_assessments (id),
  investor_id text not null,                               -- the id used in the trades file
  name text not null,
  id_number_enc text not null,                             -- SM4-GCM, context 'loss_investors.id_number'
  id_number_index text not null,                           -- blind index, matches users.id_number_index
  primary key (assessment_id, investor_id)
);
create index loss_investors_by_id_number on loss_investors (id_number_index);

-- One row per investor of the last run (LOSS-SPEC §3), with the engine's explanation.
create table loss_results (
  assessment_id text not null references loss_assessments (id),
  investor_id text not null,
  eligible boolean not null,
  reason text not null,
  total_fen bigint not null,
  row jsonb not null,                                      -- the §3 columns as exact decimal strings
  explanation jsonb not null,                              -- segments, trades used and excluded with reasons
  primary key (assessment_id, investor_id)
);

-- The issued, signed report. `content` is what was signed (its SM3 is digest_sm3); the results are bound to it by
-- their own digest, so changing any stored result breaks verification.
create table loss_reports (
  id text primary key,
  assessment_id text not null unique references loss_assessments (id),
  verification_code text not null unique,
  content jsonb not null,
  digest_sm3 text not null check (digest_sm3 ~ '^[0-9a-f]{64}$'),
  algorithm text not null check (algorithm in ('SM2', 'Ed25519')),
  key_id text not null,
  public_key_pem text not null,
  signature text not null,
  pdf_sha256 text not null check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  issued_by_user_id text not null references users (id),
  issued_at timestamptz not null
);
