import type { Deps } from '../../../../deps.ts';
import { exportAssessmentXlsx } from '../../../../use-cases/mediation/loss/export-assessment-xlsx.ts';
import { getAssessmentReportPdf } from '../../../../use-cases/mediation/loss/get-assessment-report-pdf.ts';
import { getInvestorResult } from '../../../../use-cases/mediation/loss/get-investor-result.ts';
import { issueAssessmentReport } from '../../../../use-cases/mediation/loss/issue-assessment-report.ts';
import { listAssessmentResults } from '../../../../use-cases/mediation/loss/list-assessment-results.ts';
import { listMyLossResults } from '../../../../use-cases/mediation/loss/list-my-loss-results.ts';
import { verifyAssessmentReport } from '../../../../use-cases/mediation/loss/verify-assessment-report.ts';
import { attachmentDisposition } from '../../content-disposition.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { binary, IdParams, replies } from '../common/shared.schemas.ts';
import {
  AssessmentDetail,
  CodeParams,
  InvestorParams,
  InvestorResult,
  MyLossResults,
  ReportVerification,
  ResultPage,
  ResultsQuery,
} from './loss.schemas.ts';

const tags = ['loss'];
const attachment = (name: string) => attachmentDisposition(name, name);

/** Results, export, the signed report and its public verification, and the investor's own results. */
export function lossResultRoutes(app: RouteApp, deps: Deps) {
  const signedInConfig = { access: 'signed-in' as const };
  app.get(
    '/api/loss-assessments/:id/results',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: 'Results, paginated, searchable by investor id',
        params: IdParams,
        querystring: ResultsQuery,
        response: replies({ 200: ResultPage }),
      },
    },
    async (request) =>
      listAssessmentResults(deps, signedIn(request), { id: request.params.id, ...request.query }),
  );
  app.get(
    '/api/loss-assessments/:id/results/:investorId',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: 'One result with its explanation',
        params: InvestorParams,
        response: replies({ 200: InvestorResult }),
      },
    },
    async (request) => getInvestorResult(deps, signedIn(request), request.params),
  );
  app.get(
    '/api/loss-assessments/:id/export.xlsx',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: 'Results as XLSX (LOSS-SPEC §3 columns)',
        params: IdParams,
        response: replies({
          200: binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The workbook'),
        }),
      },
    },
    async (request, reply) => {
      const { filename, stream } = await exportAssessmentXlsx(deps, signedIn(request), request.params);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(filename))
        .send(stream);
    },
  );
  app.post(
    '/api/loss-assessments/:id/report',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: 'Issue the signed report',
        params: IdParams,
        response: replies({ 200: AssessmentDetail }),
      },
    },
    async (request) => issueAssessmentReport(deps, signedIn(request), request.params),
  );
  app.get(
    '/api/loss-assessments/:id/report.pdf',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: 'The issued report as signed',
        params: IdParams,
        response: replies({ 200: binary('application/pdf', 'The signed report') }),
      },
    },
    async (request, reply) => {
      const { filename, pdf } = await getAssessmentReportPdf(deps, signedIn(request), request.params);
      return reply.type('application/pdf').header('content-disposition', attachment(filename)).send(pdf);
    },
  );
  app.get(
    '/api/loss-reports/verify/:code',
    {
      config: { access: 'public', rateLimit: { max: 60, windowSeconds: 60 } },
      schema: {
        tags,
        summary: 'Verify an issued report by its code (public, no personal data)',
        params: CodeParams,
        response: replies({ 200: ReportVerification }),
      },
    },
    async (request) => verifyAssessmentReport(deps, request.params.code),
  );
  app.get(
    '/api/my/loss-results',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: "The signed-in investor's own results",
        response: replies({ 200: MyLossResults }),
      },
    },
    async (request) => listMyLossResults(deps, signedIn(request)),
  );
}
