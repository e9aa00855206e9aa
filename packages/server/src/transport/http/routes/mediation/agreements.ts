import type { Deps } from '../../../../deps.ts';
import { draftAgreement } from '../../../../use-cases/mediation/agreements/draft-agreement.ts';
import { getAgreementPdf } from '../../../../use-cases/mediation/agreements/get-agreement-pdf.ts';
import { recordPayment } from '../../../../use-cases/mediation/agreements/record-payment.ts';
import { sealAgreement } from '../../../../use-cases/mediation/agreements/seal-agreement.ts';
import { signAgreement } from '../../../../use-cases/mediation/agreements/sign-agreement.ts';
import { verifyAgreement } from '../../../../use-cases/mediation/agreements/verify-agreement.ts';
import { attachmentDisposition } from '../../content-disposition.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { binary, IdParams, replies } from '../common/shared.schemas.ts';
import {
  DraftAgreementBody,
  PasswordBody,
  RecordPaymentBody,
  VerifyParams,
  VerifyResponse,
} from './agreements.schemas.ts';
import { CaseDetail } from './cases.schemas.ts';

const EVENT_ERRORS =
  '401 PASSWORD_REQUIRED (sign/seal); 409 CASE_STATE_CONFLICT if the case moved since `expectedVersion`; 403 FORBIDDEN; 422 GUARD_FAILED; 404 for non-participants.';

/** The agreement part of lifecycle A: draft, sign, seal, PDF, public verification, payments. */
export function agreementRoutes(app: RouteApp, deps: Deps) {
  const event = <B extends typeof DraftAgreementBody | typeof PasswordBody | typeof RecordPaymentBody>(
    name: string,
    summary: string,
    body: B,
  ) => ({
    config: { access: 'signed-in' as const },
    schema: {
      tags: ['agreements'],
      summary: `${summary} (${name})`,
      description: EVENT_ERRORS,
      params: IdParams,
      body,
      response: replies({ 200: CaseDetail }),
    },
  });

  app.post(
    '/api/cases/:id/draft-agreement',
    event(
      'draft-agreement',
      '起草调解协议 — the mediator drafts or redrafts the agreement',
      DraftAgreementBody,
    ),
    async (request) =>
      draftAgreement(deps, signedIn(request), { ...request.body, caseId: request.params.id }),
  );
  app.post(
    '/api/cases/:id/sign-agreement',
    event(
      'sign-agreement',
      '签署调解协议 — a party or the mediator signs (SM2), confirming with the password',
      PasswordBody,
    ),
    async (request) => signAgreement(deps, signedIn(request), { ...request.body, caseId: request.params.id }),
  );
  app.post(
    '/api/cases/:id/seal-agreement',
    event('seal-agreement', '加盖印章 — the organization seals; the agreement takes effect', PasswordBody),
    async (request) => sealAgreement(deps, signedIn(request), { ...request.body, caseId: request.params.id }),
  );
  app.post(
    '/api/cases/:id/record-payment',
    event(
      'record-payment',
      '登记履行 — record a payment; the full amount makes the case performed',
      RecordPaymentBody,
    ),
    async (request) => recordPayment(deps, signedIn(request), { ...request.body, caseId: request.params.id }),
  );

  app.get(
    '/api/cases/:id/agreement.pdf',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['agreements'],
        summary: 'The sealed agreement as PDF (participants; 404 otherwise or before sealing)',
        params: IdParams,
        response: replies({ 200: binary('application/pdf', 'The sealed agreement') }),
      },
    },
    async (request, reply) => {
      const { pdf, caseNumber, verificationCode } = await getAgreementPdf(
        deps,
        signedIn(request),
        request.params.id,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          attachmentDisposition(`agreement-${verificationCode}.pdf`, `调解协议书-${caseNumber}.pdf`),
        )
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/verify/:code',
    {
      config: { access: 'public', rateLimit: { max: 60, windowSeconds: 60 } },
      schema: {
        tags: ['agreements'],
        summary: 'Verify a sealed agreement by its code (no sign-in); 404 VERIFY_NOT_FOUND',
        params: VerifyParams,
        response: replies({ 200: VerifyResponse }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyAgreement(deps, request.params.code);
    },
  );
}
