-- The court platform's cases (lifecycles B and C): a delegation (诉前委派) starts from a complaint; an entrustment
-- (诉中委托) is a filed case, either filed from a delegation or settled by it. Both are keyed over the docking link by
-- their id (the link's caseRef), so a delegation filed and then entrusted is a new row pointing at its origin.

create table court_cases (
  id text primary key,
  kind text not null check (kind in ('delegation', 'entrustment')),
  status text not null,
  version integer not null default 1,
  court_id text not null references organizations (id),
  origin_case_id text references court_cases (id),
  pre_filing_number text,                  -- (2026)沪74民诉前调12号, given on delegation; shown on both rows
  filing_number text,                      -- (2026)沪74民初45号, given on filing (登记立案); shown on both rows
  -- The caseRef this row's messages travel under: its own id, or the delegation's when it continues a settled one.
  link_ref text,
  procedure text check (procedure in ('ordinary', 'summary')),
  claims text not null,
  claim_amount_fen bigint not null check (claim_amount_fen > 0),
  facts text not null,
  -- The mediation organization chosen from the synced directory, and the peer that carries its messages.
  peer_id text references docking_peers (id),
  organization_id text,
  organization_name text,
  mediator_id text,
  mediator_name text,
  organization_case_number text,
  consent_note text,
  consent_recorded_at timestamptz,
  extension_days integer not null default 0 check (extension_days >= 0),
  closing_result text check (closing_result in ('settled', 'failed', 'expired', 'withdrawn')),
  closing_reason text,
  closing_report jsonb,                    -- the closing report's body as received
  undisputed_facts text,                   -- 无争议事实记载, carried into the filed case
  outcome_note text,                       -- refusal, decline, withdrawal or recall reason
  next_deadline_kind text,
  next_deadline_date text check (next_deadline_date ~ '^\d{4}-\d{2}-\d{2}$'),
  created_by_user_id text references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  closed_at timestamptz,
  check (claims <> '' and facts <> '')
);
create index court_cases_list on court_cases (court_id, kind, status, updated_at desc);
create index court_cases_deadline on court_cases (next_deadline_date) where next_deadline_date is not null;
create index court_cases_organization on court_cases (court_id, organization_id);
create unique index court_cases_pre_filing_number on court_cases (pre_filing_number) where kind = 'delegation';
create unique index court_cases_filing_number on court_cases (filing_number) where kind = 'entrustment';
create unique index court_cases_origin on court_cases (origin_case_id) where origin_case_id is not null;

-- Parties as the court names them; ID numbers and credit codes are SM4-encrypted with a blind index for lookups.
create table court_case_parties (
  case_id text not null references court_cases (id),
  position integer not null,
  kind text not null check (kind in ('person', 'organization')),
  role text not null check (role in ('plaintiff', 'defendant', 'third-party')),
  name text not null,
  id_number_enc text not null,
  id_number_index text not null,
  phone_enc text,
  address text,
  primary key (case_id, position)
);
create index court_case_parties_by_id on court_case_parties (id_number_index);

create table court_case_events (
  id bigint generated always as identity primary key,
  case_id text not null references court_cases (id),
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
create index court_case_events_case on court_case_events (case_id, at);

-- Gapless case numbers per court, year and type (DOMAIN §4): the counter moves in the numbering transaction.
create table court_case_sequences (
  court_id text not null references organizations (id),
  year integer not null,
  case_type text not null,
  last integer not null check (last > 0),
  primary key (court_id, year, case_type)
);

-- Documents the court issues (调解书), signed with the court platform's key and verifiable by their code.
create table court_documents (
  id text primary key,
  case_id text not null references court_cases (id),
  kind text not null check (kind in ('mediation-document')),
  case_number text not null,
  verification_code text not null unique,
  content text not null,                   -- the signed canonical text
  digest_sm3 text not null,
  algorithm text not null,
  key_id text not null,
  public_key_pem text not null,
  signature text not null,
  pdf_sha256 text not null,
  pdf_sm3 text not null,
  pdf_size integer not null,
  issued_by_user_id text not null references users (id),
  issued_at timestamptz not null
);
create unique index court_documents_case on court_documents (case_id, kind);
