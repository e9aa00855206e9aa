import type { Static, TSchema } from '@sinclair/typebox';
import type { Deps, SignedInContext } from '../../../../deps.ts';
import { DELEGATION_EVENT_LABELS } from '@sutiao/domain/lifecycles/court-delegation.ts';
import { ENTRUSTMENT_EVENT_LABELS } from '@sutiao/domain/lifecycles/court-entrustment.ts';
import { CONFIRMATION_EVENT_LABELS } from '@sutiao/domain/lifecycles/judicial-confirmation.ts';
import { acceptApplication } from '../../../../use-cases/court/confirmation/accept-application.ts';
import { assignJudge } from '../../../../use-cases/court/confirmation/assign-judge.ts';
import { listJudges } from '../../../../use-cases/court/confirmation/list-judges.ts';
import { refuseApplication } from '../../../../use-cases/court/confirmation/refuse-application.ts';
import { requestSupplement } from '../../../../use-cases/court/confirmation/request-supplement.ts';
import {
  extendReview,
  recordInquiry,
  treatAsWithdrawn,
} from '../../../../use-cases/court/confirmation/review-steps.ts';
import {
  confirmAgreement,
  rejectApplication,
} from '../../../../use-cases/court/confirmation/rule-on-application.ts';
import { courtDashboard } from '../../../../use-cases/court/court-dashboard.ts';
import { delegateCase } from '../../../../use-cases/court/delegate-case.ts';
import { enterComplaint } from '../../../../use-cases/court/enter-complaint.ts';
import { entrustCase } from '../../../../use-cases/court/entrust-case.ts';
import { extendPeriod } from '../../../../use-cases/court/extend-period.ts';
import { fileCase } from '../../../../use-cases/court/file-case.ts';
import { getCourtCase } from '../../../../use-cases/court/get-court-case.ts';
import { issueMediationDocument } from '../../../../use-cases/court/issue-mediation-document.ts';
import { listCourtCases } from '../../../../use-cases/court/list-court-cases.ts';
import { listDirectory } from '../../../../use-cases/court/list-directory.ts';
import type { CourtCaseDetail as CourtCaseDetailResult } from '../../../../use-cases/court/present-court-case.ts';
import { recallEntrustment } from '../../../../use-cases/court/recall-entrustment.ts';
import { recordConsent } from '../../../../use-cases/court/record-consent.ts';
import { recordPlaintiffWithdrawal } from '../../../../use-cases/court/record-plaintiff-withdrawal.ts';
import { recordRefusal } from '../../../../use-cases/court/record-refusal.ts';
import { referConfirmation } from '../../../../use-cases/court/refer-confirmation.ts';
import { resumeTrial } from '../../../../use-cases/court/resume-trial.ts';
import { withdrawDelegation } from '../../../../use-cases/court/withdraw-delegation.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { IdParams, replies } from '../common/shared.schemas.ts';
import {
  CourtCaseDetail,
  CourtCaseList,
  CourtDashboard,
  CourtDirectory,
  CourtEventBodies,
  CourtJudges,
  EnterComplaintBody,
  ListCourtCasesQuery,
} from './court-cases.schemas.ts';

type EventName = keyof typeof CourtEventBodies;
type EventHandler<K extends EventName> = (
  deps: Deps,
  ctx: SignedInContext,
  input: Static<(typeof CourtEventBodies)[K]> & { caseId: string },
) => Promise<CourtCaseDetailResult>;

/** One use case per court event; each path is POST /api/court/cases/:id/{event}. */
const EVENT_HANDLERS: { [K in EventName]: EventHandler<K> } = {
  'record-consent': recordConsent,
  'record-refusal': recordRefusal,
  delegate: delegateCase,
  entrust: entrustCase,
  extend: extendPeriod,
  withdraw: withdrawDelegation,
  recall: recallEntrustment,
  file: fileCase,
  'refer-confirmation': referConfirmation,
  'issue-document': issueMediationDocument,
  'record-withdrawal': recordPlaintiffWithdrawal,
  'resume-trial': resumeTrial,
  accept: acceptApplication,
  refuse: refuseApplication,
  'assign-judge': assignJudge,
  'request-supplement': requestSupplement,
  'record-inquiry': recordInquiry,
  'extend-review': extendReview,
  'supplement-lapsed': treatAsWithdrawn,
  confirm: confirmAgreement,
  reject: rejectApplication,
};

const labelOf = (event: EventName) =>
  (DELEGATION_EVENT_LABELS as Record<string, { zh: string }>)[event]?.zh ??
  (ENTRUSTMENT_EVENT_LABELS as Record<string, { zh: string }>)[event]?.zh ??
  (CONFIRMATION_EVENT_LABELS as Record<string, { zh: string }>)[event]?.zh ??
  event;

function registerEvent<K extends EventName>(app: RouteApp, deps: Deps, event: K) {
  const handler = EVENT_HANDLERS[event];
  app.post(
    `/api/court/cases/:id/${event}`,
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['court'],
        summary: `${labelOf(event)} (${event})`,
        description:
          '409 CASE_STATE_CONFLICT if the case moved since `expectedVersion`; 409 CASE_ILLEGAL_EVENT in another state; 403 FORBIDDEN; 422 GUARD_FAILED.',
        params: IdParams,
        // Widened: the union of the bodies is too deep to infer; the use case's own input type checks it.
        body: CourtEventBodies[event] as TSchema,
        response: replies({ 200: CourtCaseDetail }),
      },
    },
    async (request) =>
      handler(deps, signedIn(request), {
        ...(request.body as object),
        caseId: request.params.id,
      } as Static<(typeof CourtEventBodies)[K]> & { caseId: string }),
  );
}

/**
 * The court workbench: complaints, delegation (诉前委派), entrustment (诉中委托), filing (登记立案), 调解书, and
 * judicial confirmation (司法确认: acceptance, review, ruling).
 */
export function courtCaseRoutes(app: RouteApp, deps: Deps) {
  app.get(
    '/api/court/dashboard',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['court'],
        summary: "The court's cases by state and organization, deadlines due soon and overdue",
        response: replies({ 200: CourtDashboard }),
      },
    },
    async (request) => courtDashboard(deps, signedIn(request)),
  );

  app.get(
    '/api/court/directory',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['court'],
        summary: 'Mediation organizations and public mediators from the synced directory',
        response: replies({ 200: CourtDirectory }),
      },
    },
    async (request) => listDirectory(deps, signedIn(request)),
  );

  app.get(
    '/api/court/judges',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['court'],
        summary: "The judges of the user's court (to assign a judicial confirmation case)",
        response: replies({ 200: CourtJudges }),
      },
    },
    async (request) => listJudges(deps, signedIn(request)),
  );

  app.get(
    '/api/court/cases',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['court'],
        summary: "The court's cases, filtered (kind, state, organization, deadline, number) and paged",
        querystring: ListCourtCasesQuery,
        response: replies({ 200: CourtCaseList }),
      },
    },
    async (request) => listCourtCases(deps, signedIn(request), request.query),
  );

  app.post(
    '/api/court/cases',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['court'],
        summary: 'Enter a complaint (lifecycle B starts); 422 COURT_PARTIES_MISSING / COURT_CLAIMS_MISSING',
        body: EnterComplaintBody,
        response: replies({ 200: CourtCaseDetail }),
      },
    },
    async (request) => enterComplaint(deps, signedIn(request), request.body),
  );

  app.get(
    '/api/court/cases/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['court'],
        summary:
          'Court case page: masked parties, timeline, deadlines, documents, abilities; 404 for other courts',
        params: IdParams,
        response: replies({ 200: CourtCaseDetail }),
      },
    },
    async (request) => getCourtCase(deps, signedIn(request), request.params.id),
  );

  for (const event of Object.keys(CourtEventBodies) as EventName[]) registerEvent(app, deps, event);
}
