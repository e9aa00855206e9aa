import { appError } from '@sutiao/domain/errors.ts';
import type { Deps, SignedInContext } from '../../../../deps.ts';
import { loadRecordContext } from './load-record.ts';

/** The sealed record's PDF, as stored when it was sealed, for everyone who can read the case. */
export async function sessionRecordPdf(
  deps: Deps,
  ctx: SignedInContext,
  input: { caseId: string; sessionId: string },
): Promise<{ filename: string; body: Buffer }> {
  const { record } = await loadRecordContext(deps.db, ctx.actor, input.caseId, input.sessionId);
  const missing = () =>
    appError('NOT_FOUND', { entity: { zh: '已签署的调解笔录', en: 'Signed session record' } });
  if (record?.status !== 'sealed' || !record.pdf_sha256) throw missing();
  const body = await deps.storage.getBytes(record.pdf_sha256);
  if (!body) throw missing();
  return { filename: `调解笔录-${record.verification_code}.pdf`, body };
}
