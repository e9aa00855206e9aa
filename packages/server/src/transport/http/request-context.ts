import type { FastifyRequest } from 'fastify';
import type { SignedInContext } from '../../deps.ts';
import { appError } from '@sutiao/domain/errors.ts';

/** The request's context, for routes declared `access: 'signed-in'` (the session hook already enforced it). */
export function signedIn(request: FastifyRequest): SignedInContext {
  const { ctx } = request;
  if (!ctx.actor) throw appError('AUTH_REQUIRED');
  return ctx as SignedInContext;
}
