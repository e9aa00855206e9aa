import { appendAudit } from '../../../adapters/audit/audit-log.ts';
import { sm3Hex } from '../../../adapters/crypto/sm3.ts';
import { blindIndex, encryptField } from '../../../adapters/crypto/sm4.ts';
import type { LossFileKind } from '../../../adapters/db/loss-schema.ts';
import { sha256Hex } from '../../../adapters/storage/content-hash.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requirePermission } from '../../common/require-permission.ts';
import { applyLossTransition } from './loss-transition.ts';
import { getAssessment } from './get-assessment.ts';
import { inputsComplete } from './inputs-complete.ts';
import type { InvestorEntry } from './investor-list.ts';
import { loadAssessment } from './loss-access.ts';
import type { LossProblem } from './loss-problems.ts';
import { parseUpload } from './parse-upload.ts';
import type { AssessmentDetail } from './present-assessment.ts';

interface UploadAssessmentFileInput {
  id: string;
  kind: LossFileKind;
  name: string;
  bytes: Uint8Array;
}

export type UploadOutcome =
  | { ok: true; assessment: AssessmentDetail }
  | { ok: false; problems: LossProblem[] };

const INSERT_BATCH = 500;

/**
 * Checks an upload with the engine's parsers; a file with any problem is refused whole (nothing stored) and every
 * problem is returned with its line and column. A good file replaces the previous one of its kind.
 */
export async function uploadAssessmentFile(
  deps: Deps,
  ctx: SignedInContext,
  input: UploadAssessmentFileInput,
): Promise<UploadOutcome> {
  requirePermission(ctx, 'loss.assess');
  await loadAssessment(deps.db, input.id); // NOT_FOUND before spending time parsing
  const parsed = await parseUpload(input.kind, input.name, input.bytes);
  if (!parsed.ok) {
    await appendAudit(deps.db, {
      requestId: ctx.requestId,
      actorUserId: ctx.actor.userId,
      actorRole: ctx.actorRole ?? null,
      action: 'loss.assessment.upload_file',
      targetType: 'loss_assessment',
      targetId: input.id,
      outcome: 'failure',
      details: { kind: input.kind, name: input.name, problems: parsed.problems.length },
    });
    return { ok: false, problems: parsed.problems };
  }
  // The investor list is never kept as a file: its ID numbers exist only encrypted, row by row.
  const stored = input.kind !== 'investors';
  const sha256 = stored ? await deps.storage.put(input.bytes) : sha256Hex(input.bytes);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadAssessment(trx, input.id, { forUpdate: true });
    await trx
      .deleteFrom('loss_assessment_files')
      .where('assessment_id', '=', row.id)
      .where('kind', '=', input.kind)
      .execute();
    await trx
      .insertInto('loss_assessment_files')
      .values({
        assessment_id: row.id,
        kind: input.kind,
        name: input.name,
        sha256,
        sm3: sm3Hex(input.bytes),
        size: input.bytes.length,
        rows: parsed.rows,
        stored,
        uploaded_by_user_id: ctx.actor.userId,
        uploaded_at: now,
      })
      .execute();
    if (input.kind === 'investors') await replaceInvestors(deps, trx, row.id, parsed.investors);
    await applyLossTransition(
      trx,
      ctx,
      row,
      {
        event: 'upload_file',
        inputsComplete: await inputsComplete(trx, row.id, row.params),
        changes: { summary: null, run_error: null },
        audit: { kind: input.kind, name: input.name, sha256, rows: parsed.rows },
      },
      now,
    );
    await trx.deleteFrom('loss_results').where('assessment_id', '=', row.id).execute();
  });
  return { ok: true, assessment: await getAssessment(deps, ctx, { id: input.id }) };
}

async function replaceInvestors(
  deps: Deps,
  trx: Deps['db'],
  assessmentId: string,
  entries: InvestorEntry[],
): Promise<void> {
  const { dataKeys, blindIndexKey } = deps.keys;
  await trx.deleteFrom('loss_investors').where('assessment_id', '=', assessmentId).execute();
  for (let i = 0; i < entries.length; i += INSERT_BATCH) {
    const batch = entries.slice(i, i + INSERT_BATCH).map((e) => ({
      assessment_id: assessmentId,
      investor_id: e.investorId,
      name: e.name,
      id_number_enc: encryptField(dataKeys.current, e.idNumber, 'loss_investors.id_number'),
      id_number_index: blindIndex(blindIndexKey, e.idNumber),
    }));
    await trx.insertInto('loss_investors').values(batch).execute();
  }
}
