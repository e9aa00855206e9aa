import type { Kysely } from 'kysely';
import { sm3Hex } from '../../../adapters/crypto/sm3.ts';
import type { DB } from '../../../adapters/db/schema.ts';
import { canonicalJson } from '../../../lib/canonical-json.ts';
import type { AssessmentRow } from './loss-access.ts';

/** Every result row of an assessment, in investor-id order, as stored (the §3 columns). */
export async function loadResultRows(db: Kysely<DB>, assessmentId: string) {
  return db
    .selectFrom('loss_results as r')
    .leftJoin('loss_investors as i', (j) =>
      j.onRef('i.assessment_id', '=', 'r.assessment_id').onRef('i.investor_id', '=', 'r.investor_id'),
    )
    .select(['r.investor_id', 'r.row', 'r.explanation', 'i.name'])
    .where('r.assessment_id', '=', assessmentId)
    .orderBy('r.investor_id')
    .execute();
}

/** SM3 over the canonical JSON of all result rows: binds every stored figure to the signed report. */
export function resultsDigest(rows: readonly { row: Record<string, string> }[]): string {
  return sm3Hex(canonicalJson(rows.map((r) => r.row)));
}

interface ReportFields {
  reportId: string;
  assessment: AssessmentRow;
  organizationName: string;
  files: { kind: string; name: string; sha256: string; sm3: string; rows: number }[];
  resultCount: number;
  resultsDigestSm3: string;
  issuedAt: Date;
}

/**
 * What the platform signs (as a `loss-report` envelope, with its verification code): the entrustment, parameters,
 * inputs by hash, the engine's summary and the digest of the results — plain JSON, so a verifier (or the court over
 * the docking link) can recompute it from stored data alone.
 */
export function reportContent(f: ReportFields) {
  const a = f.assessment;
  const { problems: _problems, ...summary } = (a.summary ?? {}) as Record<string, unknown>;
  return {
    reportId: f.reportId,
    assessmentId: a.id,
    caseNumber: a.case_number,
    court: { id: a.court_org_id, name: a.court_name },
    entrustedOn: a.entrusted_on,
    organization: f.organizationName,
    issuedAt: f.issuedAt.toISOString(),
    params: a.params,
    inputs: [...f.files].sort((x, y) => x.kind.localeCompare(y.kind)),
    summary,
    results: { count: f.resultCount, digestSm3: f.resultsDigestSm3 },
  };
}

/** The report as signed and stored in `loss_reports.content`: the content with its format tag and code. */
export type ReportContent = ReturnType<typeof reportContent> & { format: string; verificationCode: string };
