import { PassThrough, type Readable } from 'node:stream';
import { RESULT_COLUMNS } from '@sutiao/loss-engine';
import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { type AssessmentRow, loadAssessment, requireLossReader } from './loss-access.ts';

const PAGE = 1000;

/**
 * The results as an XLSX workbook (LOSS-SPEC §3 columns, every cell a string so values stay exact), written by
 * exceljs's streaming writer page by page, so memory stays flat however many investors there are.
 */
export async function exportAssessmentXlsx(
  deps: Deps,
  ctx: SignedInContext,
  input: { id: string },
): Promise<{ filename: string; stream: Readable }> {
  requireLossReader(ctx);
  const row = await loadAssessment(deps.db, input.id);
  if (row.status !== 'calculated' && row.status !== 'issued')
    throw appError('CASE_ILLEGAL_EVENT', { state: row.status, event: 'export' });
  // Trade-derived personal data leaves the platform: who took it is audited.
  await appendAudit(deps.db, {
    requestId: ctx.requestId,
    actorUserId: ctx.actor.userId,
    actorRole: ctx.actorRole ?? null,
    action: 'loss.results.export',
    targetType: 'loss_assessment',
    targetId: row.id,
    outcome: 'success',
  });
  const stream = new PassThrough();
  writeWorkbook(deps, row, stream).catch((e: unknown) => stream.destroy(e as Error));
  return { filename: `loss-results-${row.id}.xlsx`, stream };
}

async function writeWorkbook(deps: Deps, row: AssessmentRow, stream: PassThrough): Promise<void> {
  const { default: ExcelJS } = await import('exceljs'); // on first use: ~0.5 s to load
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('results');
  ws.addRow([...RESULT_COLUMNS]).commit();
  let after = '';
  for (;;) {
    const page = await deps.db
      .selectFrom('loss_results')
      .select(['investor_id', 'row'])
      .where('assessment_id', '=', row.id)
      .where('investor_id', '>', after)
      .orderBy('investor_id')
      .limit(PAGE)
      .execute();
    for (const r of page) ws.addRow(RESULT_COLUMNS.map((c) => r.row[c] ?? '')).commit();
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    after = last.investor_id;
  }
  ws.commit();
  const info = wb.addWorksheet('case');
  const totals = (row.summary?.totals ?? {}) as Record<string, string>;
  for (const [k, v] of [
    ['case_number', row.case_number],
    ['court', row.court_name],
    ['entrusted_on', row.entrusted_on],
    ['investors', String(row.summary?.investors ?? '')],
    ...Object.entries(totals).map(([k2, v2]) => [`total_${k2}`, v2]),
  ] as [string, string][])
    info.addRow([k, v]).commit();
  info.commit();
  await wb.commit();
}
