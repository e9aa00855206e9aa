import type { Generated } from 'kysely';
import type { Json, OptionalJson, Timestamp } from './column-types.ts';
import type { ClosingReportBody, ConfirmationApplyBody } from '@sutiao/domain/docking/message-bodies.ts';

/** Tables of the court platform's cases (migration 014). */
export interface CourtTables {
  court_cases: CourtCasesTable;
  court_case_parties: CourtCasePartiesTable;
  court_case_events: CourtCaseEventsTable;
  court_case_sequences: CourtCaseSequencesTable;
  court_documents: CourtDocumentsTable;
}

export interface CourtCasesTable {
  id: string;
  kind: 'delegation' | 'entrustment' | 'confirmation';
  status: string;
  version: number;
  court_id: string;
  origin_case_id: string | null;
  pre_filing_number: string | null;
  filing_number: string | null;
  link_ref: string | null;
  procedure: 'ordinary' | 'summary' | null;
  claims: string;
  claim_amount_fen: number;
  facts: string;
  peer_id: string | null;
  organization_id: string | null;
  organization_name: string | null;
  mediator_id: string | null;
  mediator_name: string | null;
  organization_case_number: string | null;
  consent_note: string | null;
  consent_recorded_at: Timestamp | null;
  extension_days: Generated<number>;
  closing_result: 'settled' | 'failed' | 'expired' | 'withdrawn' | null;
  closing_reason: string | null;
  closing_report: Json<ClosingReportBody> | null;
  undisputed_facts: string | null;
  outcome_note: string | null;
  next_deadline_kind: string | null;
  next_deadline_date: string | null;
  created_by_user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
  // Judicial confirmation (kind 'confirmation', migration 015).
  application: OptionalJson<ConfirmationApplyBody>;
  judge_user_id: Generated<string | null>;
  judge_name: Generated<string | null>;
  supplement_of: Generated<'investor' | 'respondent' | 'both' | null>;
  supplement_questions: Generated<string | null>;
  supplement_due_date: Generated<string | null>;
  review_extended_by: Generated<string | null>;
  ruling: OptionalJson<ConfirmationRuling>;
}

/** A confirmation case's ruling as recorded (the 民事裁定书 itself is a court document). */
export interface ConfirmationRuling {
  decision: 'confirmed' | 'rejected' | 'withdrawn';
  groundCode: string | null;
  reason: string | null;
}

export interface CourtCasePartiesTable {
  case_id: string;
  position: number;
  kind: 'person' | 'organization';
  role: 'plaintiff' | 'defendant' | 'third-party' | 'applicant';
  name: string;
  id_number_enc: string;
  id_number_index: string;
  phone_enc: string | null;
  address: string | null;
}

export interface CourtCaseEventsTable {
  id: Generated<string>;
  case_id: string;
  event: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_name: string;
  at: Timestamp;
  note: string | null;
  payload: Json<Record<string, unknown>>;
}

interface CourtCaseSequencesTable {
  court_id: string;
  year: number;
  case_type: string;
  last: number;
}

export interface CourtDocumentsTable {
  id: string;
  case_id: string;
  kind: 'mediation-document' | 'confirmation-ruling';
  case_number: string;
  verification_code: string;
  content: string;
  digest_sm3: string;
  algorithm: string;
  key_id: string;
  public_key_pem: string;
  signature: string;
  pdf_sha256: string;
  pdf_sm3: string;
  pdf_size: number;
  issued_by_user_id: string;
  issued_at: Timestamp;
}
