import type { Role } from '@sutiao/domain/roles.ts';

export const MAX_CONSECUTIVE_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;
export const ABSOLUTE_SESSION_HOURS = 12;

// Investors sign in from home and read long documents; staff sessions sit on shared office desks.
export function idleTimeoutSeconds(roles: readonly Role[]): number {
  const staff = roles.some((role) => role !== 'investor' && role !== 'agent');
  return staff ? 15 * 60 : 30 * 60;
}
