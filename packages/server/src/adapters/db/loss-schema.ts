import type { ColumnType } from 'kysely';

// Table types of migration 004 (loss assessment, lifecycle E); kept apart so schema.ts stays a short index.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb read back as parsed JSON; written as a JSON string. */
type JsonValue<T> = ColumnType<T, string, string>;

export type LossAssessmentStatus = 'draft' | 'data_ready' | 'calculating' | 'calculated' | 'issued';
export type LossFileKind = 'trades' | 'market' | 'actions' | 'investors';

export interface LossAssessmentsTable {
  id: string;
  case_number: string;
  court_org_id: string;
  court_name: string;
  entrusted_on: string;
  organization_id: string | null;
  status: LossAssessmentStatus;
  version: ColumnType<number, number | undefined, number>;
  params: JsonValue<Record<string, unknown>>;
  progress_done: ColumnType<number, number | undefined, number>;
  progress_total: ColumnType<number, number | undefined, number>;
  run_error: JsonValue<Record<string, unknown> | null> | null;
  summary: JsonValue<Record<string, unknown> | null> | null;
  created_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  calculated_at: Timestamp | null;
  run_lease_until: Timestamp | null;
}

interface LossAssessmentFilesTable {
  assessment_id: string;
  kind: LossFileKind;
  name: string;
  sha256: string;
  sm3: string;
  size: number;
  rows: number;
  stored: boolean;
  uploaded_by_user_id: string;
  uploaded_at: Timestamp;
}

interface LossInvestorsTable {
  assessment_id: string;
  investor_id: string;
  name: string;
  id_number_enc: string;
  id_number_index: string;
}

export interface LossResultsTable {
  assessment_id: string;
  investor_id: string;
  eligible: boolean;
  reason: string;
  total_fen: number;
  row: JsonValue<Record<string, string>>;
  explanation: JsonValue<Record<string, unknown>>;
}

interface LossReportsTable {
  id: string;
  assessment_id: string;
  verification_code: string;
  content: JsonValue<Record<string, unknown>>;
  digest_sm3: string;
  algorithm: 'SM2' | 'Ed25519';
  key_id: string;
  public_key_pem: string;
  signature: string;
  pdf_sha256: string;
  issued_by_user_id: string;
  issued_at: Timestamp;
}

export interface LossTables {
  loss_assessments: LossAssessmentsTable;
  loss_assessment_files: LossAssessmentFilesTable;
  loss_investors: LossInvestorsTable;
  loss_results: LossResultsTable;
  loss_reports: LossReportsTable;
}
