import type { Deps } from '../../../../deps.ts';
import { fireApplicationEvent } from '../../../../use-cases/mediation/confirmation/application-event.ts';
import { applyForConfirmation } from '../../../../use-cases/mediation/confirmation/apply-for-confirmation.ts';
import { getConfirmation } from '../../../../use-cases/mediation/confirmation/get-confirmation.ts';
import { getRulingPdf } from '../../../../use-cases/mediation/confirmation/get-ruling-pdf.ts';
import { APPLICATION_EVENT_LABELS } from '@sutiao/domain/lifecycles/confirmation-application.ts';
import { attachmentDisposition } from '../../content-disposition.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { binary, IdParams, replies } from '../common/shared.schemas.ts';
import { ApplicationEventBody, ApplyBody, CaseConfirmation, PARTY_EVENTS } from './confirmations.schemas.ts';

/** Judicial confirmation (司法确认) from the parties' side: apply, join, withdraw, answer the court, get the ruling. */
export function confirmationRoutes(app: RouteApp, deps: Deps) {
  app.get(
    '/api/cases/:id/confirmation',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['confirmation'],
        summary: 'Judicial confirmation: the window, competent courts, the pre-check and every application',
        params: IdParams,
        response: replies({ 200: CaseConfirmation }),
      },
    },
    async (request) => getConfirmation(deps, signedIn(request), { caseId: request.params.id }),
  );
  app.post(
    '/api/cases/:id/confirmation',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['confirmation'],
        summary:
          'A party applies for judicial confirmation of the effective agreement (the other party confirms)',
        description:
          '422 CONFIRMATION_NOT_ALLOWED (details list each problem), 422 CONFIRMATION_COURT_NOT_COMPETENT, 403 CONFIRMATION_NOT_A_PARTY.',
        params: IdParams,
        body: ApplyBody,
        response: replies({ 200: CaseConfirmation }),
      },
    },
    async (request) =>
      applyForConfirmation(deps, signedIn(request), { ...request.body, caseId: request.params.id }),
  );
  for (const event of PARTY_EVENTS) {
    app.post(
      `/api/confirmations/:id/${event}`,
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['confirmation'],
          summary: `${APPLICATION_EVENT_LABELS[event].zh} (${event})`,
          description:
            '409 CASE_STATE_CONFLICT if it moved since `expectedVersion`; 409 CASE_ILLEGAL_EVENT; 403 FORBIDDEN; 422 GUARD_FAILED.',
          params: IdParams,
          body: ApplicationEventBody,
          response: replies({ 200: CaseConfirmation }),
        },
      },
      async (request) =>
        fireApplicationEvent(deps, signedIn(request), event, {
          ...request.body,
          applicationId: request.params.id,
        }),
    );
  }
  app.get(
    '/api/confirmations/:id/ruling.pdf',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['confirmation'],
        summary: "The court's ruling (民事裁定书) as PDF, fetched once from the court by its signed hash",
        params: IdParams,
        response: replies({ 200: binary('application/pdf', 'The signed ruling') }),
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await getRulingPdf(deps, signedIn(request), {
        applicationId: request.params.id,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachmentDisposition(`ruling-${request.params.id}.pdf`, fileName))
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );
}
