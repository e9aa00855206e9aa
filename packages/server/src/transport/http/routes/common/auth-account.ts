import type { Deps } from '../../../../deps.ts';
import { changePassword } from '../../../../use-cases/common/auth/change-password.ts';
import { presentMe } from '../../../../use-cases/common/auth/get-me.ts';
import { registerInvestor } from '../../../../use-cases/common/auth/register-investor.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { ChangePasswordBody, MeResponse, RegisterBody } from './auth.schemas.ts';
import { setSessionCookie } from './session-cookie.ts';
import { NoContent, replies } from './shared.schemas.ts';

/** Password change, on both platforms. */
export function passwordRoutes(app: RouteApp, deps: Deps) {
  app.post(
    '/api/auth/password',
    {
      config: { access: 'signed-in', rateLimit: { max: 30, windowSeconds: 60 } },
      schema: {
        tags: ['auth'],
        summary: 'Change the password; every other session of the user is signed out',
        body: ChangePasswordBody,
        response: replies({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await changePassword(deps, signedIn(request), request.sessionToken ?? '', request.body);
      return reply.status(204).send(null);
    },
  );
}

/** Investor self-registration: the mediation platform only. */
export function registrationRoutes(app: RouteApp, deps: Deps) {
  app.post(
    '/api/auth/register',
    {
      config: { access: 'public', rateLimit: { max: 30, windowSeconds: 60 } },
      schema: {
        tags: ['auth'],
        summary: 'Register as an investor and sign in',
        body: RegisterBody,
        response: replies({ 200: MeResponse }),
      },
    },
    async (request, reply) => {
      const result = await registerInvestor(deps, request.id, request.body);
      setSessionCookie(reply, deps, result);
      return presentMe(result.profile, result.csrfToken);
    },
  );
}
