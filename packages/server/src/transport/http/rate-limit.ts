import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';

export interface RateLimit {
  /** Requests allowed per client address within one window. */
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters per route and client address, in this process. They slow down password guessing and
 * verification-code enumeration from one address; account lockout (per username, in the database) is the
 * cross-instance defence, so per-instance counters are enough here.
 */
export function installRateLimits(app: FastifyInstance, deps: Deps) {
  const windows = new Map<string, { start: number; count: number }>();
  app.addHook('onRequest', async (request) => {
    const limit = request.routeOptions.config?.rateLimit;
    if (!limit) return;
    const now = deps.now().getTime();
    const key = `${request.routeOptions.url} ${request.ip}`;
    const window = windows.get(key);
    if (!window || now - window.start >= limit.windowSeconds * 1000) {
      if (windows.size > 100_000) windows.clear(); // bounded memory under an address-spraying attack
      windows.set(key, { start: now, count: 1 });
      return;
    }
    window.count += 1;
    if (window.count > limit.max) throw appError('RATE_LIMITED');
  });
}
