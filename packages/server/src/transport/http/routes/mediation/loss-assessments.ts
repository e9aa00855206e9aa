import { readUploadedFile } from '../../multipart-file.ts';
import type { Deps } from '../../../../deps.ts';
import { appError, langFromAcceptLanguage } from '@sutiao/domain/errors.ts';
import { createAssessment } from '../../../../use-cases/mediation/loss/create-assessment.ts';
import { getAssessment } from '../../../../use-cases/mediation/loss/get-assessment.ts';
import { getAssessmentProgress } from '../../../../use-cases/mediation/loss/get-assessment-progress.ts';
import { listAssessments } from '../../../../use-cases/mediation/loss/list-assessments.ts';
import { listEntrustingCourts } from '../../../../use-cases/mediation/loss/list-entrusting-courts.ts';
import { runAssessment } from '../../../../use-cases/mediation/loss/run-assessment.ts';
import { suggestBaseDate } from '../../../../use-cases/mediation/loss/suggest-base-date.ts';
import { updateParameters } from '../../../../use-cases/mediation/loss/update-parameters.ts';
import { uploadAssessmentFile } from '../../../../use-cases/mediation/loss/upload-assessment-file.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { IdParams, replies } from '../common/shared.schemas.ts';
import {
  AssessmentDetail,
  AssessmentList,
  AssessmentProgress,
  BaseDateSuggestion,
  CreateBody,
  EntrustingCourts,
  FileParams,
  ListQuery,
  ParamsBody,
  ProblemsBody,
  SuggestBody,
} from './loss.schemas.ts';

const tags = ['loss'];
/** Trade files of a large case are bigger than evidence uploads. */
const LOSS_UPLOAD_BYTES = 100 * 1024 * 1024;

/** The analysts' workbench: entrustments, parameters, uploads, base-date helper, background run and progress. */
export function lossAssessmentRoutes(app: RouteApp, deps: Deps) {
  const signedInConfig = { access: 'signed-in' as const };
  app.get(
    '/api/loss-assessments',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: 'Assessments, newest first',
        querystring: ListQuery,
        response: replies({ 200: AssessmentList }),
      },
    },
    async (request) => listAssessments(deps, signedIn(request), request.query),
  );
  app.get(
    '/api/loss-courts',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: 'Courts that may entrust an assessment',
        response: replies({ 200: EntrustingCourts }),
      },
    },
    async (request) => listEntrustingCourts(deps, signedIn(request)),
  );
  app.post(
    '/api/loss-assessments',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: "Record a court's entrustment",
        body: CreateBody,
        response: replies({ 200: AssessmentDetail }),
      },
    },
    async (request) => createAssessment(deps, signedIn(request), request.body),
  );
  app.get(
    '/api/loss-assessments/:id',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: 'One assessment with abilities',
        params: IdParams,
        response: replies({ 200: AssessmentDetail }),
      },
    },
    async (request) => getAssessment(deps, signedIn(request), request.params),
  );
  app.put(
    '/api/loss-assessments/:id/params',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: 'Save the LOSS-SPEC §1 parameters',
        params: IdParams,
        body: ParamsBody,
        response: replies({ 200: AssessmentDetail }),
      },
    },
    async (request) => updateParameters(deps, signedIn(request), { id: request.params.id, ...request.body }),
  );
  app.post(
    '/api/loss-assessments/:id/files/:kind',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary:
          'Upload trades, market data, corporate actions or the investor list (CSV or XLSX, field `file`)',
        description:
          '422 LOSS_INPUT_INVALID lists every problem with file, line and column; nothing is stored.',
        params: FileParams,
        consumes: ['multipart/form-data'],
        response: replies({ 200: AssessmentDetail, 422: ProblemsBody }),
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const file = await readUploadedFile(request, LOSS_UPLOAD_BYTES);
      const outcome = await uploadAssessmentFile(deps, ctx, {
        id: request.params.id,
        kind: request.params.kind,
        name: file.filename,
        bytes: file.bytes,
      });
      if (outcome.ok) return outcome.assessment;
      const err = appError('LOSS_INPUT_INVALID', { count: outcome.problems.length });
      const lang = langFromAcceptLanguage(request.headers['accept-language']);
      return reply.status(422).send({ ...err.toBody(lang), problems: outcome.problems });
    },
  );
  app.post(
    '/api/loss-assessments/:id/suggest-base-date',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: 'LOSS-SPEC §5 base date and price from market data',
        params: IdParams,
        body: SuggestBody,
        response: replies({ 200: BaseDateSuggestion }),
      },
    },
    async (request) => suggestBaseDate(deps, signedIn(request), { id: request.params.id, ...request.body }),
  );
  app.post(
    '/api/loss-assessments/:id/run',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: 'Start the calculation in the background',
        params: IdParams,
        response: replies({ 200: AssessmentDetail }),
      },
    },
    async (request) => runAssessment(deps, signedIn(request), request.params),
  );
  app.get(
    '/api/loss-assessments/:id/progress',
    {
      config: signedInConfig,
      schema: {
        tags,
        summary: 'Progress of the run (polled)',
        params: IdParams,
        response: replies({ 200: AssessmentProgress }),
      },
    },
    async (request) => getAssessmentProgress(deps, signedIn(request), request.params),
  );
}
