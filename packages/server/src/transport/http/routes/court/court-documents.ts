import type { Deps } from '../../../../deps.ts';
import { getCourtDocumentPdf } from '../../../../use-cases/court/get-court-document-pdf.ts';
import { verifyCourtDocument } from '../../../../use-cases/court/verify-court-document.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { binary, IdParams, replies } from '../common/shared.schemas.ts';
import { CourtDocumentVerification, VerifyCodeParams } from './court-cases.schemas.ts';

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
function attachmentDisposition(asciiName: string, utf8Name: string): string {
  const encoded = encodeURIComponent(utf8Name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

/** The court's signed documents (调解书): the PDF for its staff, the public verification by code. */
export function courtDocumentRoutes(app: RouteApp, deps: Deps) {
  app.get(
    '/api/court/documents/:id/pdf',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['court'],
        summary: 'The PDF of a document the court issued (民事调解书)',
        params: IdParams,
        response: replies({ 200: binary('application/pdf', 'The signed PDF') }),
      },
    },
    async (request, reply) => {
      const { pdf, caseNumber, verificationCode } = await getCourtDocumentPdf(
        deps,
        signedIn(request),
        request.params.id,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          attachmentDisposition(`mediation-document-${verificationCode}.pdf`, `民事调解书-${caseNumber}.pdf`),
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
