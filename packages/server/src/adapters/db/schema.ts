import type { EvaluationTables } from './evaluation-schema.ts';
import type { TrainingTables } from './training-schema.ts';
import type { ColumnType, Generated } from 'kysely';
import type { AuditTables } from './audit-schema.ts';
import type { ConfirmationTables } from './confirmation-schema.ts';
import type { CourtTables } from './court-schema.ts';
import type { DockingTables } from './docking-schema.ts';
import type { LossTables } from './loss-schema.ts';
import type { SessionTables } from './sessions-schema.ts';

// Table types for Kysely. One interface per table; migrations/ is the source of truth.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<
  Record<string, unknown>,
  string | Record<string, unknown>,
  string | Record<string, unknown>
>;

export interface OrganizationsTable {
  id: string;
  kind: 'court' | 'mediation' | 'workstation' | 'firm' | 'regulator' | 'platform';
  name: string;
  short_name: string | null;
  code: string | null;
  parent_id: string | null;
  region: string | null;
  firm_type: 'securities' | 'futures' | 'fund' | 'listed' | null;
  court_level: 'supreme' | 'high' | 'intermediate' | 'basic' | null;
  /** Unified social credit code (统一社会信用代码): how a court names a respondent firm. */
  credit_code: string | null;
  created_at: Generated<Date>;
}

interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  organization_id: string | null;
  investor_kind: 'ordinary' | 'professional' | null;
  id_number_enc: string | null;
  id_number_index: string | null;
  phone_enc: string | null;
  email: string | null;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
}

interface UserRolesTable {
  user_id: string;
  role: string;
  granted_by: string | null;
  granted_at: Generated<Date>;
}

interface LoginFailuresTable {
  username: string;
  consecutive: number;
  locked_until: Timestamp | null;
  last_failed_at: Timestamp;
}

interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  idle_timeout_seconds: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  /** From a sequence (migration 012): unique, increasing, with holes where a transaction rolled back. */
  seq: Generated<number>;
  at: Timestamp;
  request_id: string | null;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  details: Json;
  /** Only records written before migration 012 (the former hash chain). */
  prev_hash: string | null;
  hash: string;
}

interface UserNoticesTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  case_id: string | null;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
}

interface CaseNumberSequencesTable {
  organization_id: string;
  year: number;
  last: number;
}

interface UploadsTable {
  id: string;
  sha256: string;
  sm3: string;
  name: string;
  size: number;
  mime: 'application/pdf' | 'image/png' | 'image/jpeg';
  owner_user_id: string;
  created_at: Generated<Date>;
}

interface MediatorProfilesTable {
  user_id: string;
  specialties: ColumnType<string[], string, string>;
  listed: Generated<boolean>;
}

export interface CasesTable {
  id: string;
  case_number: string | null;
  lifecycle: Generated<string>;
  organization_id: string;
  /** Null for a court-referred case until the investor is matched (case_court_parties). */
  applicant_user_id: string | null;
  agent_user_id: string | null;
  respondent_org_id: string;
  mediator_user_id: string | null;
  status: string;
  track: 'simple' | 'ordinary' | 'small-claim' | 'complex' | null;
  version: Generated<number>;
  claim_amount_fen: number;
  facts: string;
  requests: string;
  applicant_name: string;
  applicant_investor_kind: 'ordinary' | 'professional' | null;
  next_deadline_kind: string | null;
  next_deadline_date: string | null;
  supplement_request: string | null;
  respondent_reply: 'willing' | 'unwilling' | null;
  respondent_reply_note: string | null;
  mediator_choice_investor: string | null;
  mediator_choice_respondent: string | null;
  recused_mediator_ids: ColumnType<string[], string | undefined, string>;
  not_accepted_reason_code: string | null;
  not_accepted_note: string | null;
  failure_reason_code: string | null;
  undisputed_facts: string | null;
  closing_reason: string | null;
  submitted_at: Timestamp | null;
  closed_at: Timestamp | null;
  source: Generated<'direct' | 'delegated' | 'entrusted'>;
  court_peer_id: Generated<string | null>;
  court_case_ref: Generated<string | null>;
  court_name: Generated<string | null>;
  /** The referring court's id and code as its message gave them (migration 015): judicial confirmation goes there. */
  court_id: Generated<string | null>;
  court_code: Generated<string | null>;
  court_case_number: Generated<string | null>;
  court_procedure: Generated<'ordinary' | 'summary' | null>;
  /** The last day of the court's mediation period, extensions included. */
  court_deadline_date: Generated<string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  event: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_name: string;
  at: Timestamp;
  note: string | null;
  payload: Json;
  /** The deadline this transition set running (migration 018); null when none runs. */
  deadline_kind: ColumnType<string | null, string | null | undefined, string | null>;
  deadline_date: ColumnType<string | null, string | null | undefined, string | null>;
}

interface CaseEvidenceTable {
  case_id: string;
  upload_id: string;
  added_by_user_id: string;
  added_at: Timestamp;
}

interface ConsentsTable {
  id: string;
  user_id: string;
  case_id: string | null;
  kind: 'online-mediation' | 'personal-data';
  version: string;
  given_at: Timestamp;
}

interface CaseMessagesTable {
  id: string;
  case_id: string;
  author_user_id: string;
  author_role: string;
  author_name: string;
  body: string;
  created_at: Timestamp;
  /** Said in an audio/video session (migration 022): its id, the room, and for a caucus who was in it. */
  session_id: ColumnType<string | null, string | null | undefined, string | null>;
  room: ColumnType<string | null, string | null | undefined, string | null>;
  audience: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
}

interface CaseRecordTable {
  id: string;
  case_id: string;
  author_user_id: string;
  author_name: string;
  body: string;
  created_at: Timestamp;
}

export interface AgreementsTable {
  id: string;
  case_id: string;
  version: number;
  case_number: string;
  organization_name: string;
  investor_name: string;
  respondent_name: string;
  mediator_name: string;
  amount_fen: number;
  payment_terms: string;
  due_date: string;
  text: string;
  digest_sm3: string;
  status: 'draft' | 'signing' | 'effective' | 'superseded';
  drafted_by_user_id: string;
  drafted_at: Timestamp;
  verification_code: string | null;
  sealed_at: Timestamp | null;
  sealed_by_user_id: string | null;
  seal_algorithm: 'SM2' | 'Ed25519' | null;
  seal_key_id: string | null;
  seal_public_key_pem: string | null;
  seal_signature: string | null;
  pdf_sha256: string | null;
}

export interface AgreementSignaturesTable {
  agreement_id: string;
  party: 'investor' | 'respondent' | 'mediator';
  user_id: string;
  signer_name: string;
  signed_at: Timestamp;
  algorithm: 'SM2' | 'Ed25519';
  key_id: string;
  public_key_pem: string;
  signature: string;
}

interface UserSigningKeysTable {
  user_id: string;
  algorithm: 'SM2' | 'Ed25519';
  key_id: string;
  public_key_pem: string;
  private_key_enc: string;
  created_at: Timestamp;
}

interface CasePaymentsTable {
  id: string;
  case_id: string;
  agreement_id: string;
  amount_fen: number;
  paid_at: string;
  proof_upload_id: string | null;
  recorded_by_user_id: string;
  recorded_at: Timestamp;
}

export interface DB
  extends LossTables,
    AuditTables,
    DockingTables,
    CourtTables,
    ConfirmationTables,
    TrainingTables,
    EvaluationTables,
    SessionTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  login_failures: LoginFailuresTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  user_notices: UserNoticesTable;
  case_number_sequences: CaseNumberSequencesTable;
  uploads: UploadsTable;
  mediator_profiles: MediatorProfilesTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_evidence: CaseEvidenceTable;
  consents: ConsentsTable;
  case_messages: CaseMessagesTable;
  case_record: CaseRecordTable;
  agreements: AgreementsTable;
  agreement_signatures: AgreementSignaturesTable;
  user_signing_keys: UserSigningKeysTable;
  case_payments: CasePaymentsTable;
  deadline_reminders: DeadlineRemindersTable;
  job_leases: JobLeasesTable;
}

interface JobLeasesTable {
  job_id: string;
  holder: string;
  lease_until: Timestamp;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_error: string | null;
}

interface DeadlineRemindersTable {
  case_id: string;
  deadline_kind: string;
  due_date: string;
  level: 'due-soon' | 'overdue';
  sent_at: Date | string;
}
