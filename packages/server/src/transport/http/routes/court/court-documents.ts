import type { Deps } from '../../../../deps.ts';
import { getCourtDocumentPdf } from '../../../../use-cases/court/get-court-document-pdf.ts';
import { verifyCourtDocument } from '../../../../use-cases/court/verify-court-document.ts';
import { attachmentDisposition } from '../../content-disposition.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { binary, IdParams, replies } from '../common/shared.schemas.ts';
import { CourtDocumentVerification, VerifyCodeParams } from './court-cases.schemas.ts';

/** The court's signed documents (调解书): the PDF for its staff, the public verification by code. */
export function courtDocumentRoutes(app: RouteApp, deps: Deps) {
  app.get(
    '/api/court/documents/:id/pdf',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['court'],
        summary: 'The PDF of a document the court issued (民事调解书, or a confirmation ruling 民事裁定书)',
        params: IdParams,
        response: replies({ 200: binary('application/pdf', 'The signed PDF') }),
      },
    },
    async (request, reply) => {
      const { pdf, caseNumber, verificationCode, kind, title } = await getCourtDocumentPdf(
        deps,
        signedIn(request),
        request.params.id,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          attachmentDisposition(`${kind}-${verificationCode}.pdf`, `${title}-${caseNumber}.pdf`),
        )
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/court/verify/:code',
    {
      config: { access: 'public', rateLimit: { max: 60, windowSeconds: 60 } },
      schema: {
        tags: ['court'],
        summary: 'Verify a 调解书 by its code (no sign-in); 404 VERIFY_NOT_FOUND',
        params: VerifyCodeParams,
        response: replies({ 200: CourtDocumentVerification }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyCourtDocument(deps, request.params.code);
    },
  );
}
