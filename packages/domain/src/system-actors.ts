import type { Actor } from './permissions.ts';
import type { Platform } from './roles.ts';

/**
 * The system acts under named users of its own (created by migration 013, disabled so nobody signs in as them):
 * the docking link when a court's message changes a case, the scheduler when a deadline does. Their transitions
 * have an actor on the timeline and in the audit log like everyone else's, and the lifecycle tables name them.
 */
export const SYSTEM_USER_IDS = {
  courtLink: 'system:court-link',
  scheduler: 'system:scheduler',
} as const;

export const systemActor = (which: keyof typeof SYSTEM_USER_IDS, platform: Platform): Actor => ({
  userId: SYSTEM_USER_IDS[which],
  roles: [],
  organizationId: null,
  platform,
});

export const isSystemUserId = (userId: string): boolean =>
  (Object.values(SYSTEM_USER_IDS) as string[]).includes(userId);
