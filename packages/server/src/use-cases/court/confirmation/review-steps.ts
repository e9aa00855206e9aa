import type { Deps, SignedInContext } from '../../../deps.ts';
import type { CourtCaseDetail } from '../present-court-case.ts';
import { type CourtEventInput, noteOf } from '../run-court-event.ts';
import { runConfirmationEvent } from './run-confirmation-event.ts';

/** The judge records an inquiry of the parties (询问笔录): who was asked what, and what they said. */
export function recordInquiry(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { note?: string | null },
): Promise<CourtCaseDetail> {
  const note = noteOf(input.note);
  return runConfirmationEvent(deps, ctx, 'court.confirm', input, () => ({
    event: 'record-inquiry',
    input: { note },
    note,
  }));
}

/** The review is extended by 10 days, once, with the court president's approval (recorded by name and reason). */
export function extendReview(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { note?: string | null; approvedBy?: string | null },
): Promise<CourtCaseDetail> {
  const note = noteOf(input.note);
  const approvedBy = noteOf(input.approvedBy);
  return runConfirmationEvent(deps, ctx, 'court.confirm', input, () => ({
    event: 'extend-review',
    input: { note, approvedBy },
    note: approvedBy ? `${note ?? ''}（经${approvedBy}批准）` : note,
    changes: () => ({ review_extended_by: approvedBy }),
    payload: { approvedBy },
  }));
}

/** Supplements were not given in time: the application is treated as withdrawn (按撤回司法确认申请处理). */
export function treatAsWithdrawn(
  deps: Deps,
  ctx: SignedInContext,
  input: CourtEventInput & { note?: string | null },
): Promise<CourtCaseDetail> {
  const note = noteOf(input.note) ?? '当事人未在限期内补充陈述或证明材料，按撤回司法确认申请处理';
  return runConfirmationEvent(deps, ctx, 'court.confirm', input, () => ({
    event: 'supplement-lapsed',
    note,
    changes: () => ({
      ruling: JSON.stringify({ decision: 'withdrawn', groundCode: 'supplement-lapsed', reason: note }),
    }),
  }));
}
