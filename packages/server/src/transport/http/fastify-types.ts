import type { RequestContext } from '../../deps.ts';
import type { ActorProfile } from '../../use-cases/common/auth/load-actor.ts';
import type { RateLimit } from './rate-limit.ts';

/**
 * Who may reach a route at all; finer rules (permission, case participation) live in the use cases.
 * `peer`: the other platform over the docking link. No session and no CSRF token: such a request carries a signed
 * envelope, and the docking use case verifies it against the registered peer's keys before it acts on anything.
 */
type RouteAccess = 'public' | 'signed-in' | 'peer';
export const ROUTE_ACCESS: readonly RouteAccess[] = ['public', 'signed-in', 'peer'];

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    profile: ActorProfile | null;
    sessionToken: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Per-address request limit for public routes that invite guessing (sign-in, verification codes). */
    rateLimit?: RateLimit;
  }
}
