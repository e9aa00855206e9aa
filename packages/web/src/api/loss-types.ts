/** Types of the loss-assessment API (server: use-cases/loss, LOSS-SPEC.md). */

export type LossStatus = 'draft' | 'data_ready' | 'calculating' | 'calculated' | 'issued';
export type LossEvent = 'update_params' | 'upload_file' | 'run' | 'finish' | 'fail' | 'issue';
export type LossFileKind = 'trades' | 'market' | 'actions' | 'investors';

export interface LossSegment {
  implementationDate: string;
  disclosureDate: string;
  baseDate?: string | null;
  basePrice?: string | null;
}

/** LOSS-SPEC §1 parameters as the form edits them (decimals as strings, so nothing is rounded). */
export interface LossParams {
  ruleVersion?: '2022' | '2003';
  direction?: 'inflation' | 'deflation';
  segments?: LossSegment[];
  buyAverage?: 'mwa' | 'actual-cost' | 'weighted-buys' | 'fifo';
  eligibleChannels?: string[];
  commissionRate?: string | null;
  stampDutyRate?: string | null;
  interestRate?: string | null;
  systemicRisk?:
    | { method: 'none' }
    | { method: 'ratio'; ratio: string }
    | { method: 'index'; indices: string[] };
  averagePriceDecimals?: number | null;
  security?: string | null;
}

export interface LossProblem {
  code: string;
  file: string | null;
  line: number | null;
  column: number | null;
  columnName: string | null;
  zh: string;
  en: string;
  investorId?: string;
}

export interface LossFile {
  kind: LossFileKind;
  name: string;
  sha256: string;
  sm3: string;
  size: number;
  rows: number;
  uploadedAt: string;
}

export interface LossAssessmentSummary {
  id: string;
  caseNumber: string;
  courtOrgId: string;
  courtName: string;
  entrustedOn: string;
  status: LossStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface LossTotals {
  L: string;
  L_deducted: string;
  commission: string;
  stamp_duty: string;
  interest: string;
  total: string;
}

export interface LossCaseSummary {
  investors: number;
  inRange: number;
  eligible: number;
  withLoss: number;
  zeroLoss: number;
  errors: number;
  totals: LossTotals;
  problems?: LossProblem[];
}

export interface LossAssessment extends LossAssessmentSummary {
  params: LossParams;
  paramProblems: LossProblem[];
  files: LossFile[];
  progress: { done: number; total: number };
  runError: LossProblem | null;
  summary: LossCaseSummary | null;
  report: { verificationCode: string; issuedAt: string; digestSm3: string } | null;
  abilities: LossEvent[];
}

export interface LossProgress {
  status: LossStatus;
  done: number;
  total: number;
  percent: number;
  runError: LossProblem | null;
}

export interface ExplainedTrade {
  line: number;
  account: string;
  segment: number;
  window: string;
  used: boolean;
  code: string;
  zh: string;
  en: string;
  tradeDate: string | null;
  side: 'B' | 'S' | null;
  channel: string | null;
  quantity: string | null;
  price: string | null;
}

export interface LossExplanation {
  reason: string;
  reasonZh: string;
  reasonEn: string;
  inRange: boolean;
  eligible: boolean;
  segments: Record<string, string>[];
  trades: ExplainedTrade[];
}

/** LOSS-SPEC §3 row: every value an exact decimal string. */
export type LossRow = Record<string, string>;

export interface LossResult {
  assessmentId: string;
  investorId: string;
  name: string | null;
  eligible: boolean;
  reason: string;
  row: LossRow;
  explanation?: LossExplanation;
}

export interface MyLossResult extends LossResult {
  caseNumber: string;
  courtName: string;
  issuedAt: string;
  verificationCode: string;
  explanation: LossExplanation;
}

export interface BaseDateSuggestion {
  baseDate: string;
  basePrice: string;
  basePriceRounded: string;
  tradingDays: number;
  turnoverReachedOn: number | null;
}

export type UploadOutcome =
  | { ok: true; assessment: LossAssessment }
  | { ok: false; problems: LossProblem[]; message: string };
