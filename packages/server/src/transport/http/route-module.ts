import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** One file of routes: registers its endpoints on the app. */
export type RouteModule = (app: FastifyInstance, deps: Deps) => void;
