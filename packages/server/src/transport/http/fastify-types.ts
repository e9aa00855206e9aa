import type { RequestContext } from '../../deps.ts';
import type { ActorProfile } from '../../use-cases/auth/load-actor.ts';
import type { RateLimit } from './rate-limit.ts';

/** Who may reach a route at all; finer rules (permission, case participation) live in the use cases. */
export type RouteAccess = 'public' | 'signed-in';

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
