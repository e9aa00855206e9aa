import type { FastifyReply } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { sessionCookieName } from '../../session-hooks.ts';

/** The session cookie set by sign-in and registration: HttpOnly, SameSite=Strict, Secure behind https. */
export function setSessionCookie(
  reply: FastifyReply,
  deps: Deps,
  session: { token: string; expiresAt: Date },
) {
  reply.setCookie(sessionCookieName(deps.platform), session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.publicUrl.startsWith('https:'),
    path: '/',
    expires: session.expiresAt,
  });
}
