import { compareDates, isIsoDate, todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { appError } from '@sutiao/domain/errors.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';
import { invalid, requireOwnUploads, requirePositiveFen } from '../cases/application-input.ts';
import { applyCaseTransition } from '../cases/case-transition.ts';
import type { CaseDetail } from '../cases/present-case.ts';
import { loadCurrentAgreement, paidFenOf } from './load-agreement.ts';

interface RecordPaymentInput {
  caseId: string;
  expectedVersion: number;
  amountFen: number;
  /** The day the money was paid (ISO date). */
  paidAt: string;
  /** A receipt or transfer record the recorder uploaded; it joins the case's evidence. */
  proofUploadId?: string;
}

/**
 * Records a payment under the effective agreement (respondent staff, the applicant side or the organization). The
 * lifecycle decides: the payment that completes the agreed amount makes the case `performed`; partial ones keep it
 * effective. Overpayment is refused by the `payment-amount-valid` guard.
 */
export async function recordPayment(
  deps: Deps,
  ctx: SignedInContext,
  input: RecordPaymentInput,
): Promise<CaseDetail> {
  const amountFen = requirePositiveFen('amountFen', input.amountFen);
  if (!isIsoDate(input.paidAt))
    throw invalid('付款日期须为有效日期', 'paidAt must be a valid date (YYYY-MM-DD)');
  if (compareDates(input.paidAt, todayInShanghai(deps.now())) > 0) {
    throw invalid('付款日期不能晚于今天', 'paidAt must not be in the future');
  }
  const [proofUploadId] = input.proofUploadId
    ? await requireOwnUploads(deps.db, ctx.actor.userId, [input.proofUploadId])
    : [];
  const payload: Record<string, unknown> = {};
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'record-payment',
    expectedVersion: input.expectedVersion,
    input: { amountFen },
    payload,
    afterUpdate: async (trx, c, to) => {
      const agreement = await loadCurrentAgreement(trx, c.id);
      if (agreement?.status !== 'effective') throw appError('CASE_STATE_CONFLICT');
      const now = deps.now();
      await trx
        .insertInto('case_payments')
        .values({
          id: newId(),
          case_id: c.id,
          agreement_id: agreement.id,
          amount_fen: amountFen,
          paid_at: input.paidAt,
          proof_upload_id: proofUploadId ?? null,
          recorded_by_user_id: ctx.actor.userId,
          recorded_at: now,
        })
        .execute();
      if (proofUploadId) {
        await trx
          .insertInto('case_evidence')
          .values({
            case_id: c.id,
            upload_id: proofUploadId,
            added_by_user_id: ctx.actor.userId,
            added_at: now,
          })
          .onConflict((oc) => oc.columns(['case_id', 'upload_id']).doNothing())
          .execute();
      }
      const paidFen = await paidFenOf(trx, agreement.id);
      Object.assign(payload, {
        agreementId: agreement.id,
        amountFen,
        paidAt: input.paidAt,
        paidFen,
        outstandingFen: Number(agreement.amount_fen) - paidFen,
        performed: to === 'performed',
        ...(proofUploadId ? { proofUploadId } : {}),
      });
    },
  });
}
