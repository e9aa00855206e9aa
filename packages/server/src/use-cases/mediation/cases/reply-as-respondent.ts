import type { Deps, SignedInContext } from '../../../deps.ts';
import { applyCaseTransition } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import type { CaseDetail } from './present-case.ts';

/** The respondent firm says whether it agrees to mediate; the case stays in consultation for the decision. */
export async function replyAsRespondent(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput<{ willing: boolean; note?: string | undefined }>,
): Promise<CaseDetail> {
  const note = input.note?.trim() || null;
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'respondent-reply',
    expectedVersion: input.expectedVersion,
    input: { willing: input.willing },
    note,
    payload: { willing: input.willing },
    changes: () => ({
      respondent_reply: input.willing ? 'willing' : 'unwilling',
      respondent_reply_note: note,
    }),
  });
}
