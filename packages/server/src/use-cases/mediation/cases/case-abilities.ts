import { isSystemUserId } from '@sutiao/domain/system-actors.ts';
import { DIRECT_APPLICATION } from '@sutiao/domain/lifecycles/direct-application.ts';
import type { DirectEvent, DirectState } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import type { DirectCaseFacts } from '@sutiao/domain/lifecycles/direct-application-context.ts';
import { DIRECT_EVENT_PERMISSIONS } from '@sutiao/domain/lifecycles/direct-application-permissions.ts';
import { availableEvents } from '@sutiao/domain/lifecycles/state-machine.ts';
import { type Actor, isAuthorized } from '@sutiao/domain/permissions.ts';

/** The actor holds at least one of the permissions the event needs. */
export function mayFire(actor: Actor, event: DirectEvent): boolean {
  // The system's own users (the court link, the scheduler) hold no roles: the lifecycle table's parties say which
  // events they may fire (e.g. the court's extension), and events with no permission are theirs alone.
  if (isSystemUserId(actor.userId)) return true;
  return DIRECT_EVENT_PERMISSIONS[event].some((permission) => isAuthorized(actor, permission));
}

/** Events this actor may fire now: the lifecycle's parties and guards, and the permission catalogue. */
export function abilitiesOf(actor: Actor, status: string, facts: DirectCaseFacts): DirectEvent[] {
  if (!(DIRECT_APPLICATION.states as readonly string[]).includes(status)) return [];
  return availableEvents(DIRECT_APPLICATION, status as DirectState, { actor, case: facts }).filter((event) =>
    mayFire(actor, event),
  );
}
