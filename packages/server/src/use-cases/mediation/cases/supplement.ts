import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { requireOwnUploads, requireText } from './application-input.ts';

import { applyCaseTransition } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import type { CaseDetail } from './present-case.ts';

/** The applicant supplements the application (new facts, more evidence) and it returns to the registration queue. */
export async function supplement(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput<{ facts?: string | undefined; evidenceIds?: string[] | undefined }>,
): Promise<CaseDetail> {
  const facts = input.facts === undefined ? undefined : requireText('facts', input.facts, INPUT_LIMITS.facts);
  const evidenceIds = await requireOwnUploads(deps.db, ctx.actor.userId, input.evidenceIds ?? []);
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'supplement',
    expectedVersion: input.expectedVersion,
    payload: { factsChanged: facts !== undefined, evidenceAdded: evidenceIds.length },
    changes: () => (facts === undefined ? {} : { facts }),
    afterUpdate: async (trx, before) => {
      if (evidenceIds.length === 0) return;
      await trx
        .insertInto('case_evidence')
        .values(
          evidenceIds.map((uploadId) => ({
            case_id: before.id,
            upload_id: uploadId,
            added_by_user_id: ctx.actor.userId,
            added_at: deps.now(),
          })),
        )
        .onConflict((oc) => oc.columns(['case_id', 'upload_id']).doNothing())
        .execute();
    },
  });
}
