-- Lifecycle A, the agreement (调解协议): drafted by the mediator, signed by both parties and the mediator,
-- sealed by the handling organization, then performed with proof of payment (DOMAIN §3A).

-- One row per draft. Redrafting supersedes the current row, so signatures (which reference the row) go with it.
-- Names, case number and organization are snapshots: the digest must recompute from this row alone, forever.
create table agreements (
  id text primary key,
  case_id text not null references cases (id),
  version integer not null check (version > 0),           -- draft number within the case
  case_number text not null,
  organization_name text not null,
  investor_name text not null,
  respondent_name text not null,
  mediator_name text not null,
  amount_fen bigint not null check (amount_fen > 0),
  payment_terms text not null,
  due_date text not null check (due_date ~ '^\d{4}-\d{2}-\d{2}$'),
  text text not null,
  digest_sm3 text not null check (digest_sm3 ~ '^[0-9a-f]{64}$'),  -- SM3 of the canonical content
  status text not null check (status in ('draft', 'signing', 'effective', 'superseded')),
  drafted_by_user_id text not null references users (id),
  drafted_at timestamptz not null,
  verification_code text unique,                           -- public, printed on the PDF; set when sealed
  sealed_at timestamptz,
  sealed_by_user_id text references users (id),
  seal_algorithm text check (seal_algorithm in ('SM2', 'Ed25519')),
  seal_key_id text,
  seal_public_key_pem text,
  seal_signature text,
  pdf_sha256 text check (pdf_sha256 ~ '^[0-9a-f]{64}$'),    -- the rendered PDF, stored content-addressed
  unique (case_id, version)
);
-- At most one live (not superseded) agreement per case.
create unique index agreements_current on agreements (case_id) where status <> 'superseded';

create table agreement_signatures (
  agreement_id text not null references agreements (id),
  party text not null check (party in ('investor', 'respondent', 'mediator')),
  user_id text not null references users (id),
  signer_name text not null,
  signed_at timestamptz not null,
  algorithm text not null check (algorithm in ('SM2', 'Ed25519')),
  key_id text not null,
  public_key_pem text not null,
  signature text not null check (signature ~ '^[0-9a-f]+$'),  -- over the agreement's digest_sm3 (hex text)
  primary key (agreement_id, party)
);

-- Platform-custodied signing key per user, created on their first signature. The private key is PKCS#8 PEM
-- encrypted with SM4-GCM (encryptField, context 'user_signing_keys.private_key').
create table user_signing_keys (
  user_id text primary key references users (id),
  algorithm text not null check (algorithm in ('SM2', 'Ed25519')),
  key_id text not null,
  public_key_pem text not null,
  private_key_enc text not null,
  created_at timestamptz not null
);

-- 履行: payments under an effective agreement; partial payments add up until the agreed amount is paid.
create table case_payments (
  id text primary key,
  case_id text not null references cases (id),
  agreement_id text not null references agreements (id),
  amount_fen bigint not null check (amount_fen > 0),
  paid_at text not null check (paid_at ~ '^\d{4}-\d{2}-\d{2}$'),
  proof_upload_id text references uploads (id),
  recorded_by_user_id text not null references users (id),
  recorded_at timestamptz not null
);
create index case_payments_case on case_payments (case_id, recorded_at);
