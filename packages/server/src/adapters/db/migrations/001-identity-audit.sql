-- Organizations of both platforms: courts, mediation organizations and their workstations,
-- firms (securities, futures, fund, listed companies) and regulators.
create table organizations (
  id text primary key,
  kind text not null check (kind in ('court', 'mediation', 'workstation', 'firm', 'regulator', 'platform')),
  name text not null,
  short_name text,
  code text unique,                     -- court code (沪74) or the organization's case-number prefix
  parent_id text references organizations (id),
  region text,
  firm_type text check (firm_type in ('securities', 'futures', 'fund', 'listed')),
  court_level text check (court_level in ('supreme', 'high', 'intermediate', 'basic')),
  created_at timestamptz not null default now()
);
create index organizations_kind on organizations (kind);

create table users (
  id text primary key,
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  organization_id text references organizations (id),
  investor_kind text check (investor_kind in ('ordinary', 'professional')),
  id_number_enc text,                   -- SM4-GCM ciphertext
  id_number_index text,                 -- blind index for exact lookup
  phone_enc text,
  email text,
  disabled boolean not null default false,
  created_at timestamptz not null default now()
);

create table user_roles (
  user_id text not null references users (id),
  role text not null,
  granted_by text references users (id),
  granted_at timestamptz not null default now(),
  primary key (user_id, role)
);

-- Failures are counted per username, known or not, so lockout behaves the same for unknown names.
create table login_failures (
  username text primary key,
  consecutive integer not null default 0,
  locked_until timestamptz,
  last_failed_at timestamptz not null default now()
);

create table sessions (
  token_hash text primary key,          -- SHA-256 of the cookie value; the token itself is never stored
  user_id text not null references users (id),
  csrf_token text not null,
  idle_timeout_seconds integer not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,      -- absolute limit
  revoked_at timestamptz
);
create index sessions_user on sessions (user_id);

-- Append-only, SM3 hash-chained audit trail.
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  request_id text,
  actor_user_id text,
  actor_role text,
  action text not null,
  target_type text,
  target_id text,
  outcome text not null check (outcome in ('success', 'failure', 'denied')),
  details jsonb not null default '{}',
  prev_hash text not null,
  hash text not null
);
create index audit_target on audit_log (target_type, target_id);
create index audit_actor on audit_log (actor_user_id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();

-- In-app inbox; e-mail and SMS go through the notification sink.
create table inbox (
  id text primary key,
  user_id text not null references users (id),
  kind text not null,
  title text not null,
  body text not null default '',
  case_id text,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index inbox_user on inbox (user_id, created_at desc);
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
