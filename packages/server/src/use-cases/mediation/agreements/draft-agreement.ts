import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { agreementText } from '@sutiao/domain/agreement-template.ts';
import { addCalendarDays, compareDates, isIsoDate, todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { formatFen } from '@sutiao/domain/money.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';
import { invalid, requirePositiveFen, requireText } from '../cases/application-input.ts';
import { applyCaseTransition } from '../cases/case-transition.ts';
import type { CaseDetail } from '../cases/present-case.ts';
import { agreementDigest } from './agreement-content.ts';
import { displayNameOf } from '../../common/auth/display-name.ts';

interface DraftAgreementInput {
  caseId: string;
  expectedVersion: number;
  amountFen: number;
  paymentTerms: string;
  dueDate: string;
}

/**
 * The mediator drafts (or redrafts) the agreement from the standard template. A redraft supersedes the previous row,
 * and with it any signatures on it, so nobody's signature ever covers text they did not see.
 */
export async function draftAgreement(
  deps: Deps,
  ctx: SignedInContext,
  input: DraftAgreementInput,
): Promise<CaseDetail> {
  const amountFen = requirePositiveFen('amountFen', input.amountFen);
  const paymentTerms = requireText('paymentTerms', input.paymentTerms, INPUT_LIMITS.paymentTerms);
  const { dueDate } = input;
  if (!isIsoDate(dueDate)) throw invalid('履行期限须为有效日期', 'dueDate must be a valid date (YYYY-MM-DD)');
  const today = todayInShanghai(deps.now());
  const latest = addCalendarDays(today, INPUT_LIMITS.agreementDueWithinDays);
  if (compareDates(dueDate, today) < 0 || compareDates(dueDate, latest) > 0) {
    throw appError('AGREEMENT_DUE_DATE_IMPLAUSIBLE', { today, latest });
  }
  // Filled once the row exists; the transition copies it into the timeline and the audit record afterwards.
  const payload: Record<string, unknown> = {};
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'draft-agreement',
    expectedVersion: input.expectedVersion,
    input: { amountFen, paymentTerms, dueDate },
    payload,
    afterUpdate: async (trx, c) => {
      // Never more than was claimed (the web form says so before sending).
      if (amountFen > Number(c.claim_amount_fen)) {
        throw appError('AGREEMENT_AMOUNT_EXCEEDS_CLAIM', {
          amount: formatFen(amountFen),
          claim: formatFen(Number(c.claim_amount_fen)),
        });
      }
      const mediatorName = await displayNameOf(trx, c.mediator_user_id ?? '');
      const previous = await trx
        .updateTable('agreements')
        .set({ status: 'superseded' })
        .where('case_id', '=', c.id)
        .where('status', '<>', 'superseded')
        .returning('id')
        .execute();
      const last = await trx
        .selectFrom('agreements')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('case_id', '=', c.id)
        .executeTakeFirst();
      const content = {
        id: newId(),
        case_id: c.id,
        version: Number(last?.version ?? 0) + 1,
        case_number: c.case_number ?? '',
        organization_name: c.organization_name,
        investor_name: c.applicant_name,
        respondent_name: c.respondent_name,
        mediator_name: mediatorName,
        amount_fen: amountFen,
        payment_terms: paymentTerms,
        due_date: dueDate,
      };
      const text = agreementText({
        caseNumber: content.case_number,
        organizationName: content.organization_name,
        investorName: content.investor_name,
        respondentName: content.respondent_name,
        mediatorName: content.mediator_name,
        requests: c.requests,
        terms: { amountFen, paymentTerms, dueDate },
      });
      const digestSm3 = agreementDigest({ ...content, text });
      await trx
        .insertInto('agreements')
        .values({
          ...content,
          text,
          digest_sm3: digestSm3,
          status: 'draft',
          drafted_by_user_id: ctx.actor.userId,
          drafted_at: deps.now(),
        })
        .execute();
      Object.assign(payload, {
        agreementId: content.id,
        agreementVersion: content.version,
        amountFen,
        dueDate,
        digestSm3,
        ...(previous.length > 0 ? { superseded: previous.map((p) => p.id) } : {}),
      });
    },
  });
}
