import type { Deps, SignedInContext } from '../../../deps.ts';
import { applyCaseTransition } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import type { CaseDetail } from './present-case.ts';

/** 调解不成 with a coded reason; undisputed facts (无争议事实记载) may be recorded for a later lawsuit. */
export async function failMediation(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput<{ reasonCode: string; undisputedFacts?: string | undefined }>,
): Promise<CaseDetail> {
  const undisputedFacts = input.undisputedFacts?.trim() || null;
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'fail',
    expectedVersion: input.expectedVersion,
    input: { reasonCode: input.reasonCode },
    payload: { reasonCode: input.reasonCode, undisputedFacts: undisputedFacts !== null },
    changes: () => ({ failure_reason_code: input.reasonCode, undisputed_facts: undisputedFacts }),
  });
}
