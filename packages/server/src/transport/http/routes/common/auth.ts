import type { Deps } from '../../../../deps.ts';
import { presentMe } from '../../../../use-cases/common/auth/get-me.ts';
import { signIn } from '../../../../use-cases/common/auth/sign-in.ts';
import { signOut } from '../../../../use-cases/common/auth/sign-out.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { sessionCookieName } from '../../session-hooks.ts';
import { LoginBody, MeResponse } from './auth.schemas.ts';
import { setSessionCookie } from './session-cookie.ts';
import { NoContent, replies } from './shared.schemas.ts';

export function authRoutes(app: RouteApp, deps: Deps) {
  const cookie = sessionCookieName(deps.platform);

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 30, windowSeconds: 60 } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password',
        body: LoginBody,
        response: replies({ 200: MeResponse }),
      },
    },
    async (request, reply) => {
      const result = await signIn(deps, request.id, request.body);
      setSessionCookie(reply, deps, result);
      return presentMe(result.profile, result.csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out; the session dies server-side',
        response: replies({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await signOut(deps, signedIn(request), request.sessionToken ?? '');
      reply.clearCookie(cookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their permissions and CSRF token',
        response: replies({ 200: MeResponse }),
      },
    },
    async (request) => presentMe(request.profile!, request.csrfToken!),
  );
}
