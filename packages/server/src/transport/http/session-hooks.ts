import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ROUTE_ACCESS } from './fastify-types.ts';
import type { Deps } from '../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';
import { resolveSession } from '../../use-cases/common/auth/resolve-session.ts';

// Browsers share cookies across ports of one host, so each platform names its own cookie.
export const sessionCookieName = (platform: string): string => `sutiao_${platform}_sid`;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api route must declare `config.access`; a route without a policy fails at start-up, not in production.
 * Signed-in routes get the actor from the server-side session; unsafe methods also need the CSRF token.
 * Peer routes (the docking link) get no actor: their use case verifies the signed envelope.
 */
export function installSessionHooks(app: FastifyInstance, deps: Deps) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (route.url === '/api/openapi.json') return;
    const access = route.config?.access;
    if (!access || !ROUTE_ACCESS.includes(access)) {
      throw new Error(`route ${route.method} ${route.url} declares no access policy`);
    }
  });

  app.decorateRequest('ctx', null as never);
  app.decorateRequest('profile', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request) => {
    request.ctx = { actor: null, requestId: request.id };
    const access = request.routeOptions.config?.access;
    // A peer's request is authenticated by its envelope, never by a browser session that happens to ride along.
    if (!access || access === 'peer') return;
    const token = request.cookies[sessionCookieName(deps.platform)];
    const session = await resolveSession(deps, token);
    if (session.status === 'valid') {
      request.profile = session.profile;
      request.sessionToken = token ?? null;
      request.csrfToken = session.csrfToken;
      request.ctx = {
        actor: session.profile.actor,
        requestId: request.id,
        actorRole: session.profile.actor.roles[0] ?? null,
      };
    }
    if (access === 'public') return;
    if (session.status === 'expired') throw appError('AUTH_SESSION_EXPIRED');
    if (session.status !== 'valid') throw appError('AUTH_REQUIRED');
    if (!SAFE_METHODS.has(request.method)) checkCsrf(request, session.csrfToken);
  });
}

function checkCsrf(request: FastifyRequest, expected: string) {
  const header = request.headers['x-csrf-token'];
  const given = Buffer.from(typeof header === 'string' ? header : '');
  const want = Buffer.from(expected);
  if (given.length !== want.length || !timingSafeEqual(given, want)) throw appError('CSRF_INVALID');
}
