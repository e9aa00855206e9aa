import type { Deps } from '../../../../deps.ts';
import { declineReferral } from '../../../../use-cases/mediation/referrals/decline-referral.ts';
import { extendReferral } from '../../../../use-cases/mediation/referrals/extend-referral.ts';
import { signForReceipt } from '../../../../use-cases/mediation/referrals/sign-for-receipt.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { IdParams, replies } from '../common/shared.schemas.ts';
import { CaseDetail } from './cases.schemas.ts';
import { ReferralEventBodies } from './referrals.schemas.ts';

const description =
  'Court referrals only (诉前委派/诉中委托). 409 CASE_STATE_CONFLICT if the case moved since `expectedVersion`; ' +
  '403 FORBIDDEN; 422 GUARD_FAILED.';

/** The organization's answers to a court's referral; each also goes back to the court over the link. */
export function referralRoutes(app: RouteApp, deps: Deps) {
  app.post(
    '/api/cases/:id/sign-for-receipt',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['cases'],
        summary: '签收 (sign-for-receipt)',
        description,
        params: IdParams,
        body: ReferralEventBodies['sign-for-receipt'],
        response: replies({ 200: CaseDetail }),
      },
    },
    async (request) =>
      signForReceipt(deps, signedIn(request), { ...request.body, caseId: request.params.id }),
  );
  app.post(
    '/api/cases/:id/decline',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['cases'],
        summary: '退回法院 (decline)',
        description,
        params: IdParams,
        body: ReferralEventBodies.decline,
        response: replies({ 200: CaseDetail }),
      },
    },
    async (request) =>
      declineReferral(deps, signedIn(request), { ...request.body, caseId: request.params.id }),
  );
  app.post(
    '/api/cases/:id/extend',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['cases'],
        summary: '延长调解期限 (extend, with the parties’ recorded consent)',
        description,
        params: IdParams,
        body: ReferralEventBodies.extend,
        response: replies({ 200: CaseDetail }),
      },
    },
    async (request) =>
      extendReferral(deps, signedIn(request), { ...request.body, caseId: request.params.id }),
  );
}
