import type { Kysely } from 'kysely';
import type { DB } from '../../adapters/db/schema.ts';
import type { Deps, RequestContext } from '../../deps.ts';
import { todayInShanghai } from '@sutiao/domain/calendar/dates.ts';
import type { DelegationEvent } from '@sutiao/domain/lifecycles/court-delegation.ts';
import type { EntrustmentEvent } from '@sutiao/domain/lifecycles/court-entrustment.ts';
import type { LifecycleBinding, TransitionResult } from '../common/transitions/lifecycle-binding.ts';
import { runTransition } from '../common/transitions/transition-kernel.ts';
import {
  type CourtKernelRequest,
  type CourtTypes,
  DELEGATION_BINDING,
  ENTRUSTMENT_BINDING,
} from './court-case-binding.ts';

type CourtBinding = LifecycleBinding<CourtTypes, CourtKernelRequest>;

export type CourtTransitionRequest = Omit<CourtKernelRequest, 'id' | 'today' | 'event'> & {
  caseId: string;
} & ({ kind: 'delegation'; event: DelegationEvent } | { kind: 'entrustment'; event: EntrustmentEvent });

export const bindingOf = (kind: 'delegation' | 'entrustment'): CourtBinding =>
  (kind === 'delegation' ? DELEGATION_BINDING : ENTRUSTMENT_BINDING) as unknown as CourtBinding;

/**
 * One event of lifecycle B or C inside the caller's transaction, through the transition kernel: state, deadline,
 * timeline, notices, outgoing docking messages and the audit record — all of it or none of it.
 */
export function applyCourtTransition(
  deps: Deps,
  ctx: RequestContext,
  trx: Kysely<DB>,
  { caseId, kind, ...request }: CourtTransitionRequest,
): Promise<TransitionResult<CourtTypes>> {
  return runTransition(deps, ctx, trx, bindingOf(kind), {
    ...request,
    id: caseId,
    today: todayInShanghai(deps.now()),
  });
}
