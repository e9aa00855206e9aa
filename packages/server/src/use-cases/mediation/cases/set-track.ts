import type { Deps, SignedInContext } from '../../../deps.ts';
import { isTrack } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import { applyCaseTransition } from './case-transition.ts';
import type { CaseEventInput } from './case-event-input.ts';
import type { CaseDetail } from './present-case.ts';

/** The organization sets the track (simple, ordinary, small-claim, complex), which fixes the mediation period. */
export async function setTrack(
  deps: Deps,
  ctx: SignedInContext,
  input: CaseEventInput<{ track: string }>,
): Promise<CaseDetail> {
  return applyCaseTransition(deps, ctx, {
    caseId: input.caseId,
    event: 'set-track',
    expectedVersion: input.expectedVersion,
    input: { track: input.track },
    payload: { track: input.track },
    changes: () => (isTrack(input.track) ? { track: input.track } : {}),
  });
}
