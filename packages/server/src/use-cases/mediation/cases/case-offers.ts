import { DIRECT_GUARDS } from '@sutiao/domain/lifecycles/direct-application-guards.ts';
import { DIRECT_APPLICATION } from '@sutiao/domain/lifecycles/direct-application.ts';
import { REFUSAL_REASONS } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import {
  DIRECT_PARTIES,
  type DirectCaseFacts,
} from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { isTerminal } from '@sutiao/domain/lifecycles/state-machine.ts';
import { type Actor, isAuthorized } from '@sutiao/domain/permissions.ts';

/** A closed case (withdrawn, terminated, not accepted, failed, performed) takes no more messages. */
export function isClosedStatus(status: string): boolean {
  return (
    (DIRECT_APPLICATION.states as readonly string[]).includes(status) &&
    isTerminal(DIRECT_APPLICATION, status as (typeof DIRECT_APPLICATION.states)[number])
  );
}

/** Whether the actor is a party to the case (applicant side, respondent, mediator, handling organization). */
export function isCaseParty(actor: Actor, facts: DirectCaseFacts): boolean {
  return Object.values(DIRECT_PARTIES).some((isParty) => isParty({ actor, case: facts }));
}

/** Parties may post on an open case; read-only staff (the regulator) never. The message form shows only then. */
export function mayPostMessage(actor: Actor, status: string, facts: DirectCaseFacts): boolean {
  return isAuthorized(actor, 'case.message') && isCaseParty(actor, facts) && !isClosedStatus(status);
}

/**
 * Refusal reasons the law allows for this case now, so a form offers only those: a firm bound to mediate (证券法
 * art. 94, 期货和衍生品法) cannot be the ground of a refusal. Empty when the actor may not refuse.
 */
export function allowedRefusalReasons(
  actor: Actor,
  abilities: readonly string[],
  facts: DirectCaseFacts,
): string[] {
  if (!abilities.includes('refuse')) return [];
  return Object.keys(REFUSAL_REASONS).filter((reasonCode) =>
    DIRECT_GUARDS['refusal-allowed'].check({ actor, case: facts, input: { reasonCode } }),
  );
}
