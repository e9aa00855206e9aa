import { type AppError, appError } from '@sutiao/domain/errors.ts';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** AUTH_LOCKED saying how long the lock lasts: minutes left (rounded up) and the Beijing time it ends. */
export function lockedError(lockedUntil: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  const beijing = new Date(lockedUntil.getTime() + BEIJING_OFFSET_MS).toISOString();
  return appError('AUTH_LOCKED', { minutes, until: `${beijing.slice(0, 10)} ${beijing.slice(11, 16)}` });
}
