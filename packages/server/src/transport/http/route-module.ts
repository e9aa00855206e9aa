import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Deps } from '../../deps.ts';

/**
 * The app as routes see it: request and reply types come from each route's TypeBox schemas, so a handler that
 * returns a shape its response schema does not describe fails type-check.
 */
export type RouteApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** One file of routes: registers its endpoints on the app. */
export type RouteModule = (app: RouteApp, deps: Deps) => void;
