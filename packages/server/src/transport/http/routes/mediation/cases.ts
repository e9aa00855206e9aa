import type { Static, TSchema } from '@sinclair/typebox';
import type { Deps, SignedInContext } from '../../../../deps.ts';
import { DIRECT_EVENT_LABELS } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import { acceptApplication } from '../../../../use-cases/mediation/cases/accept-application.ts';
import { addRecordEntry } from '../../../../use-cases/mediation/cases/add-record-entry.ts';
import { assignMediator } from '../../../../use-cases/mediation/cases/assign-mediator.ts';
import { chooseMediator } from '../../../../use-cases/mediation/cases/choose-mediator.ts';
import { consultRespondent } from '../../../../use-cases/mediation/cases/consult-respondent.ts';
import { failMediation } from '../../../../use-cases/mediation/cases/fail-mediation.ts';
import { getCase } from '../../../../use-cases/mediation/cases/get-case.ts';
import { listCases } from '../../../../use-cases/mediation/cases/list-cases.ts';
import { postMessage } from '../../../../use-cases/mediation/cases/post-message.ts';
import type { CaseDetail as CaseDetailResult } from '../../../../use-cases/mediation/cases/present-case.ts';
import { recuseMediator } from '../../../../use-cases/mediation/cases/recuse-mediator.ts';
import { refuseApplication } from '../../../../use-cases/mediation/cases/refuse-application.ts';
import { registerApplication } from '../../../../use-cases/mediation/cases/register-application.ts';
import { replyAsRespondent } from '../../../../use-cases/mediation/cases/reply-as-respondent.ts';
import { requestSupplement } from '../../../../use-cases/mediation/cases/request-supplement.ts';
import { revealApplicant } from '../../../../use-cases/mediation/cases/reveal-applicant.ts';
import { setTrack } from '../../../../use-cases/mediation/cases/set-track.ts';
import { submitApplication } from '../../../../use-cases/mediation/cases/submit-application.ts';
import { submitDraft } from '../../../../use-cases/mediation/cases/submit-draft.ts';
import { supplement } from '../../../../use-cases/mediation/cases/supplement.ts';
import { terminateCase } from '../../../../use-cases/mediation/cases/terminate-case.ts';
import { updateDraft } from '../../../../use-cases/mediation/cases/update-draft.ts';
import { withdrawApplication } from '../../../../use-cases/mediation/cases/withdraw-application.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { IdParams, replies } from '../common/shared.schemas.ts';
import {
  CaseDetail,
  CaseList,
  CaseMessage,
  CreateCaseBody,
  EventBodies,
  ListCasesQuery,
  PostBody,
  RecordEntry,
  RevealedApplicant,
  UpdateDraftBody,
} from './cases.schemas.ts';

type EventName = keyof typeof EventBodies;
type EventHandler<K extends EventName> = (
  deps: Deps,
  ctx: SignedInContext,
  input: Static<(typeof EventBodies)[K]> & { caseId: string },
) => Promise<CaseDetailResult>;

/** One use case per event; each path is POST /api/cases/:id/{event}. */
const EVENT_HANDLERS: { [K in EventName]: EventHandler<K> } = {
  submit: submitDraft,
  'request-supplement': requestSupplement,
  supplement,
  register: registerApplication,
  'consult-respondent': consultRespondent,
  'respondent-reply': replyAsRespondent,
  accept: acceptApplication,
  refuse: refuseApplication,
  'set-track': setTrack,
  'assign-mediator': assignMediator,
  'choose-mediator': chooseMediator,
  recuse: recuseMediator,
  fail: failMediation,
  withdraw: withdrawApplication,
  terminate: terminateCase,
};

function registerEvent<K extends EventName>(app: RouteApp, deps: Deps, event: K) {
  const handler = EVENT_HANDLERS[event];
  app.post(
    `/api/cases/:id/${event}`,
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['cases'],
        summary: `${DIRECT_EVENT_LABELS[event].zh} (${event})`,
        description:
          '409 CASE_STATE_CONFLICT if the case moved since `expectedVersion`; 403 FORBIDDEN; 422 GUARD_FAILED.',
        params: IdParams,
        // Widened: the union of fifteen bodies is too deep to infer; the use case's own input type checks it.
        body: EventBodies[event] as TSchema,
        response: replies({ 200: CaseDetail }),
      },
    },
    async (request) =>
      handler(deps, signedIn(request), {
        ...(request.body as object),
        caseId: request.params.id,
      } as Static<(typeof EventBodies)[K]> & { caseId: string }),
  );
}

export function caseRoutes(app: RouteApp, deps: Deps) {
  app.post(
    '/api/cases',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['cases'],
        summary: 'Apply for mediation: save a draft or submit (case number assigned on submit)',
        body: CreateCaseBody,
        response: replies({ 200: CaseDetail }),
      },
    },
    async (request) => submitApplication(deps, signedIn(request), request.body),
  );

  app.post(
    '/api/cases/:id/draft',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['cases'],
        summary: 'Save a draft again after editing it (applicant side; the draft as last read)',
        description:
          '409 CASE_STATE_CONFLICT if the draft changed since `expectedVersion`; 404 if not yours.',
        params: IdParams,
        body: UpdateDraftBody,
        response: replies({ 200: CaseDetail }),
      },
    },
    async (request) => updateDraft(deps, signedIn(request), { ...request.body, caseId: request.params.id }),
  );

  app.get(
    '/api/cases',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['cases'],
        summary: 'My case queue (scoped by role and organization)',
        querystring: ListCasesQuery,
        response: replies({ 200: CaseList }),
      },
    },
    async (request) => listCases(deps, signedIn(request), request.query),
  );

  app.get(
    '/api/cases/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['cases'],
        summary: 'Case detail with timeline, abilities, messages and record; 404 for non-participants',
        params: IdParams,
        response: replies({ 200: CaseDetail }),
      },
    },
    async (request) => getCase(deps, signedIn(request), request.params.id),
  );

  for (const event of Object.keys(EventBodies) as EventName[]) registerEvent(app, deps, event);

  app.post(
    '/api/cases/:id/messages',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['cases'],
        summary: 'Post a message on the case (parties only)',
        params: IdParams,
        body: PostBody,
        response: replies({ 200: CaseMessage }),
      },
    },
    async (request) =>
      postMessage(deps, signedIn(request), { caseId: request.params.id, body: request.body.body }),
  );

  app.post(
    '/api/cases/:id/record',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['cases'],
        summary: 'Add an entry to the mediation record (笔录; the assigned mediator)',
        params: IdParams,
        body: PostBody,
        response: replies({ 200: RecordEntry }),
      },
    },
    async (request) =>
      addRecordEntry(deps, signedIn(request), { caseId: request.params.id, body: request.body.body }),
  );

  app.post(
    '/api/cases/:id/applicant/reveal',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['cases'],
        summary: "Reveal the applicant's full name, ID number and phone (pii.reveal; audited)",
        params: IdParams,
        response: replies({ 200: RevealedApplicant }),
      },
    },
    async (request) => revealApplicant(deps, signedIn(request), { caseId: request.params.id }),
  );
}
