import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { changePassword } from '../../../../use-cases/common/auth/change-password.ts';
import { presentMe } from '../../../../use-cases/common/auth/get-me.ts';
import { registerInvestor } from '../../../../use-cases/common/auth/register-investor.ts';
import { signedIn } from '../../request-context.ts';
import { ChangePasswordBody, MeResponse, RegisterBody } from './auth.schemas.ts';
import { setSessionCookie } from './session-cookie.ts';

/** Password change, on both platforms. */
export function passwordRoutes(app: FastifyInstance, deps: Deps) {
  app.post<{ Body: Static<typeof ChangePasswordBody> }>(
    '/api/auth/password',
    {
      config: { access: 'signed-in', rateLimit: { max: 30, windowSeconds: 60 } },
      schema: {
        tags: ['auth'],
        summary: 'Change the password; every other session of the user is signed out',
        body: ChangePasswordBody,
      },
    },
    async (request, reply) => {
      await changePassword(deps, signedIn(request), request.sessionToken ?? '', request.body);
      return reply.status(204).send();
    },
  );
}

/** Investor self-registration: the mediation platform only. */
export function registrationRoutes(app: FastifyInstance, deps: Deps) {
  app.post<{ Body: Static<typeof RegisterBody> }>(
    '/api/auth/register',
    {
      config: { access: 'public', rateLimit: { max: 30, windowSeconds: 60 } },
      schema: {
        tags: ['auth'],
        summary: 'Register as an investor and sign in',
        body: RegisterBody,
        response: { 200: MeResponse },
      },
    },
    async (request, reply) => {
      const result = await registerInvestor(deps, request.id, request.body);
      setSessionCookie(reply, deps, result);
      return presentMe(result.profile, result.csrfToken);
    },
  );
}
