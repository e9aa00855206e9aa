import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.ts';
import { adminRoutes } from './admin.ts';
import { agreementRoutes } from './agreements.ts';
import { authRoutes } from './auth.ts';
import { passwordRoutes, registrationRoutes } from './auth-account.ts';
import { caseRoutes } from './cases.ts';
import { directoryRoutes } from './directory.ts';
import { healthRoutes } from './health.ts';
import { inboxRoutes } from './inbox.ts';
import { lossAssessmentRoutes } from './loss-assessments.ts';
import { lossResultRoutes } from './loss-results.ts';
import { uploadRoutes } from './uploads.ts';

export type RouteModule = (app: FastifyInstance, deps: Deps) => void;

/** Route modules common to both platforms. */
export const commonRoutes: RouteModule[] = [
  healthRoutes,
  authRoutes,
  passwordRoutes,
  inboxRoutes,
  adminRoutes,
];

/** Route modules that exist only on one platform. */
export const platformRoutes: Record<Deps['platform'], RouteModule[]> = {
  mediation: [
    registrationRoutes,
    directoryRoutes,
    uploadRoutes,
    caseRoutes,
    agreementRoutes,
    lossAssessmentRoutes,
    lossResultRoutes,
  ],
  court: [],
};
