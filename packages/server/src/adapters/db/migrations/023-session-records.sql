-- The record (笔录) of an audio/video session (issue 9 part 7): the mediator writes it while the session runs (each
-- draft saved, with a revision for compare-and-set); once the session ended they fix it, its participants sign its
-- SM3 digest with their SM2 keys, and when the mediator and each side have signed the platform seals it with a
-- public verification code and keeps its PDF.
create table session_records (
  session_id text primary key references mediation_sessions (id),
  body text not null default '',
  revision integer not null default 0,
  status text not null default 'draft' check (status in ('draft', 'signing', 'sealed')),
  saved_at timestamptz,
  content text,
  digest_sm3 text,
  finalized_at timestamptz,
  verification_code text unique,
  seal_content text,
  seal_algorithm text,
  seal_key_id text,
  seal_public_key_pem text,
  seal_signature text,
  sealed_at timestamptz,
  pdf_sha256 text,
  pdf_sm3 text
);

create table session_record_signatures (
  session_id text not null references session_records (session_id),
  user_id text not null references users (id),
  role text not null,
  side text,
  signer_name text not null,
  signed_at timestamptz not null,
  algorithm text not null,
  key_id text not null,
  public_key_pem text not null,
  signature text not null,
  primary key (session_id, user_id)
);
