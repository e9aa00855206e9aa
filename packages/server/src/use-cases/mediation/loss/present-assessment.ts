import { validateParams } from '@sutiao/loss-engine';
import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { SignedInContext } from '../../../deps.ts';
import {
  LOSS_ASSESSMENT_LIFECYCLE,
  type LossEvent,
  type LossState,
} from '@sutiao/domain/lifecycles/loss-assessment.ts';
import { availableEvents } from '@sutiao/domain/lifecycles/state-machine.ts';
import { isAuthorized } from '@sutiao/domain/permissions.ts';
import type { AssessmentRow } from './loss-access.ts';
import { type LossProblem, toProblem } from './loss-problems.ts';

interface AssessmentFile {
  kind: string;
  name: string;
  sha256: string;
  sm3: string;
  size: number;
  rows: number;
  uploadedAt: string;
}

export interface AssessmentSummaryView {
  id: string;
  caseNumber: string;
  courtOrgId: string;
  courtName: string;
  entrustedOn: string;
  status: LossState;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Plain data only (JSON-serializable), so the docking link can carry it as it is. */
export interface AssessmentDetail extends AssessmentSummaryView {
  params: Record<string, unknown>;
  paramProblems: LossProblem[];
  files: AssessmentFile[];
  progress: { done: number; total: number };
  runError: Record<string, unknown> | null;
  summary: Record<string, unknown> | null;
  report: { verificationCode: string; issuedAt: string; digestSm3: string } | null;
  /** Events this actor may fire now (server-computed abilities). */
  abilities: LossEvent[];
}

export function presentSummary(row: AssessmentRow): AssessmentSummaryView {
  return {
    id: row.id,
    caseNumber: row.case_number,
    courtOrgId: row.court_org_id,
    courtName: row.court_name,
    entrustedOn: row.entrusted_on,
    status: row.status,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function presentAssessment(
  db: Kysely<DB>,
  ctx: SignedInContext,
  row: AssessmentRow,
): Promise<AssessmentDetail> {
  const files = await db
    .selectFrom('loss_assessment_files')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .orderBy('kind')
    .execute();
  const report = await db
    .selectFrom('loss_reports')
    .select(['verification_code', 'issued_at', 'digest_sm3'])
    .where('assessment_id', '=', row.id)
    .executeTakeFirst();
  const checked = validateParams(row.params);
  const kinds = new Set(files.map((f) => f.kind));
  const inputsComplete = checked.ok && kinds.has('trades') && kinds.has('investors');
  return {
    ...presentSummary(row),
    params: row.params,
    paramProblems: checked.ok ? [] : checked.errors.map(toProblem),
    files: files.map((f) => ({
      kind: f.kind,
      name: f.name,
      sha256: f.sha256,
      sm3: f.sm3,
      size: Number(f.size),
      rows: f.rows,
      uploadedAt: new Date(f.uploaded_at).toISOString(),
    })),
    progress: { done: row.progress_done, total: row.progress_total },
    runError: row.run_error,
    summary: row.summary,
    report: report
      ? {
          verificationCode: report.verification_code,
          issuedAt: new Date(report.issued_at).toISOString(),
          digestSm3: report.digest_sm3,
        }
      : null,
    abilities: availableEvents(LOSS_ASSESSMENT_LIFECYCLE, row.status, {
      isAnalyst: isAuthorized(ctx.actor, 'loss.assess'),
      isSystem: false,
      inputsComplete,
    }),
  };
}
