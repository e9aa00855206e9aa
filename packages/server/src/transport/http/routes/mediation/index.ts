import type { RouteModule } from '../../route-module.ts';
import { registrationRoutes } from '../common/auth-account.ts';
import { agreementRoutes } from './agreements.ts';
import { caseRoutes } from './cases.ts';
import { confirmationRoutes } from './confirmations.ts';
import { directoryRoutes } from './directory.ts';
import { evaluationRoutes } from './evaluation.ts';
import { lossAssessmentRoutes } from './loss-assessments.ts';
import { lossResultRoutes } from './loss-results.ts';
import { referralRoutes } from './referrals.ts';
import { sessionRecordRoutes } from './session-records.ts';
import { sessionRecordingRoutes } from './session-recordings.ts';
import { sessionRoutes } from './sessions.ts';
import { statisticsRoutes } from './statistics.ts';
import { uploadRoutes } from './uploads.ts';

/** The investor mediation platform's own routes (中国投资者网在线调解平台). */
export const mediationRoutes: RouteModule[] = [
  registrationRoutes,
  directoryRoutes,
  uploadRoutes,
  caseRoutes,
  referralRoutes,
  agreementRoutes,
  confirmationRoutes,
  lossAssessmentRoutes,
  lossResultRoutes,
  statisticsRoutes,
  evaluationRoutes,
  sessionRoutes,
  sessionRecordRoutes,
  sessionRecordingRoutes,
];
