import { Type } from '@sinclair/typebox';
import { appError } from '@sutiao/domain/errors.ts';
import type { Deps } from '../../../../deps.ts';
import { verifyCertificate } from '../../../../use-cases/common/training/verify-certificate.ts';
import { verifyCourtDocument } from '../../../../use-cases/court/verify-court-document.ts';
import { verifyDocument } from '../../../../use-cases/mediation/agreements/verify-document.ts';
import { normalizeVerificationCode } from '../../../../lib/verification-code.ts';
import type { RouteApp } from '../../route-module.ts';
import { VerifyResponse } from '../mediation/agreements.schemas.ts';
import { CourtDocumentVerification } from '../court/court-cases.schemas.ts';
import { ReportVerification } from '../mediation/loss.schemas.ts';
import { SessionRecordVerification } from '../mediation/sessions.schemas.ts';
import { component, replies } from './shared.schemas.ts';
import { CertificateVerification } from './training.schemas.ts';

// In the query, not the path: a path parameter over the router's length limit would answer "no such route".
const VerifyQuery = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

const DocumentVerification = component(
  'DocumentVerification',
  Type.Union([
    Type.Object({ kind: Type.Literal('agreement'), agreement: VerifyResponse }),
    Type.Object({ kind: Type.Literal('loss-report'), report: ReportVerification }),
    Type.Object({ kind: Type.Literal('court-document'), document: CourtDocumentVerification }),
    Type.Object({ kind: Type.Literal('training-certificate'), certificate: CertificateVerification }),
    Type.Object({ kind: Type.Literal('session-record'), record: SessionRecordVerification }),
  ]),
);

/**
 * The public verification of a document by the code printed on it, on both platforms (each links 文书验证): the
 * mediation platform checks agreements and loss reports, the court platform the documents it issued (民事调解书,
 * the 民事裁定书 of a judicial confirmation); both the training certificates they issued.
 */
export function verifyRoutes(app: RouteApp, deps: Deps) {
  app.get(
    '/api/verify',
    {
      config: { access: 'public', rateLimit: { max: 60, windowSeconds: 60 } },
      schema: {
        tags: ['verification'],
        summary:
          'Verify a document (agreement, loss report, court document, training certificate) by its code, no sign-in',
        description: '400 VERIFY_CODE_MALFORMED (not a code); 404 VERIFY_NOT_FOUND.',
        querystring: VerifyQuery,
        response: replies({ 200: DocumentVerification }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const certificate = await verifyCertificate(deps, request.query.code);
      if (certificate) return { kind: 'training-certificate' as const, certificate };
      if (deps.platform === 'mediation') return verifyDocument(deps, request.query.code);
      if (!normalizeVerificationCode(request.query.code)) throw appError('VERIFY_CODE_MALFORMED');
      return {
        kind: 'court-document' as const,
        document: await verifyCourtDocument(deps, request.query.code),
      };
    },
  );
}
