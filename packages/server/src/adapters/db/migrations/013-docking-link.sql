-- The 总对总 docking link (docs/docking-protocol.md): registered peers and their keys, the outbox written in the
-- same transaction as the state change, the inbox that dedupes by (sender, message id) in the same transaction as
-- the effect, per-case sequence cursors, rejected messages kept for inspection, the synced directory, and the
-- mediation side's columns for cases referred by a court.

create table docking_peers (
  id text primary key,                     -- the peer deployment's platform id, e.g. 'court-spc'
  platform text not null check (platform in ('court', 'mediation')),
  name text not null,
  base_url text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Keys rotate without downtime: a new key is added with its validity, the old one keeps verifying until it ends.
create table docking_peer_keys (
  peer_id text not null references docking_peers (id),
  key_id text not null,                    -- fingerprint of the public key (SM3 of the SPKI DER for SM2)
  algorithm text not null check (algorithm in ('SM2', 'Ed25519')),
  public_key_pem text not null,
  valid_from timestamptz not null,
  valid_until timestamptz,
  created_at timestamptz not null default now(),
  primary key (peer_id, key_id),
  check (valid_until is null or valid_until > valid_from)
);

-- Outgoing per-case sequence numbers, allocated in the transaction that writes the message.
create table docking_sequences (
  peer_id text not null references docking_peers (id),
  case_ref text not null,                  -- '' for messages about no case (directory, reconciliation)
  last integer not null,
  primary key (peer_id, case_ref)
);

create table docking_outbox (
  message_id text primary key,
  peer_id text not null references docking_peers (id),
  type text not null,
  case_ref text,
  sequence integer not null,
  created_at timestamptz not null,
  body jsonb not null,                     -- the body; each delivery attempt seals it with a fresh sentAt
  status text not null check (status in ('pending', 'delivered', 'rejected', 'dead')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  lease_until timestamptz,                 -- a relay instance holds the message while it delivers it
  last_error text,
  receipt jsonb,                           -- the peer's signed receipt
  delivered_at timestamptz
);
create index docking_outbox_due on docking_outbox (next_attempt_at) where status = 'pending';
create index docking_outbox_case on docking_outbox (case_ref, created_at);
create index docking_outbox_failed on docking_outbox (status, created_at) where status in ('rejected', 'dead');

create table docking_inbox (
  sender_id text not null,
  message_id text not null,
  type text not null,
  case_ref text,
  sequence integer not null,
  envelope jsonb not null,
  status text not null check (status in ('applied', 'held', 'rejected')),
  code text,                               -- the rejection code
  detail text,
  receipt jsonb not null,                  -- the receipt we answered, answered again on a repeat
  received_at timestamptz not null,
  applied_at timestamptz,
  primary key (sender_id, message_id)
);
create index docking_inbox_held on docking_inbox (sender_id, case_ref, sequence) where status = 'held';
create index docking_inbox_case on docking_inbox (case_ref, received_at);

-- The last sequence applied per sender and case: the next one applies, later ones are held until the gap fills.
create table docking_inbox_cursors (
  sender_id text not null,
  case_ref text not null,
  last_applied integer not null,
  primary key (sender_id, case_ref)
);

-- Messages refused before they could be attributed (malformed, unknown sender or key, bad signature, stale).
create table docking_rejections (
  id bigint generated always as identity primary key,
  sender_id text,
  message_id text,
  code text not null,
  detail text,
  raw text not null,
  received_at timestamptz not null
);
create index docking_rejections_recent on docking_rejections (received_at desc);

-- The court side's copy of the mediation platform's public directory (organizations, workstations, mediators).
create table docking_directory (
  peer_id text not null references docking_peers (id),
  organization_id text not null,
  name text not null,
  region text,
  workstations jsonb not null,
  mediators jsonb not null,
  published_at timestamptz not null,
  primary key (peer_id, organization_id)
);

-- Files a peer may fetch, per case: offered when a message naming them is written.
create table docking_attachments (
  peer_id text not null references docking_peers (id),
  case_ref text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  name text not null,
  mime text not null,
  primary key (peer_id, case_ref, sha256)
);

-- Divergences found by reconciliation, shown to administrators until resolved.
create table docking_divergences (
  id bigint generated always as identity primary key,
  peer_id text not null references docking_peers (id),
  case_ref text not null,
  ours jsonb not null,
  theirs jsonb not null,
  found_at timestamptz not null,
  resolved_at timestamptz,
  resolution text
);
create unique index docking_divergences_open on docking_divergences (peer_id, case_ref) where resolved_at is null;

-- Respondent firms are matched by their unified social credit code.
alter table organizations add column credit_code text unique check (credit_code ~ '^[0-9A-Z]{18}$');

-- Cases referred by a court: their source, the court's reference, and the court's parties until they are matched.
alter table cases add column source text not null default 'direct' check (source in ('direct', 'delegated', 'entrusted'));
alter table cases add column court_peer_id text references docking_peers (id);
alter table cases add column court_case_ref text;
alter table cases add column court_name text;
alter table cases add column court_case_number text;
alter table cases add column court_procedure text check (court_procedure in ('ordinary', 'summary'));
alter table cases add column court_deadline_date text check (court_deadline_date ~ '^\d{4}-\d{2}-\d{2}$');
alter table cases alter column applicant_user_id drop not null;
create unique index cases_court_ref on cases (court_peer_id, court_case_ref) where court_case_ref is not null;
create index cases_source on cases (organization_id, source, status, updated_at desc);

-- The link and the scheduler act as named system users (disabled: nobody signs in as them), so their transitions
-- have an actor in the timeline and the audit log like everyone else's.
insert into users (id, username, display_name, password_hash, disabled)
values ('system:court-link', 'system:court-link', '法院对接（系统）', '!', true),
       ('system:scheduler', 'system:scheduler', '期限管理（系统）', '!', true);

-- A court case's parties on the mediation side, matched to accounts by the blind index of the ID number or
-- credit code when they register or sign in.
create table case_court_parties (
  case_id text not null references cases (id),
  position integer not null,
  kind text not null check (kind in ('person', 'organization')),
  role text not null check (role in ('plaintiff', 'defendant', 'third-party')),
  name text not null,
  id_number_enc text not null,
  id_number_index text not null,
  phone_enc text,
  user_id text references users (id),
  organization_id text references organizations (id),
  primary key (case_id, position)
);
create index case_court_parties_by_id on case_court_parties (id_number_index) where user_id is null and organization_id is null;
