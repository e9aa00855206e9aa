import type { Deps } from '../../../../deps.ts';
import { caseSurvey, submitSurvey } from '../../../../use-cases/mediation/evaluation/case-survey.ts';
import { getScorecards } from '../../../../use-cases/mediation/evaluation/get-scorecards.ts';
import { mediatorDisclosure } from '../../../../use-cases/mediation/evaluation/mediator-disclosure.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { IdParams, replies } from '../common/shared.schemas.ts';
import { Scorecards } from '../common/evaluation.schemas.ts';
import {
  CaseSurvey,
  DisclosureQuery,
  MediatorDisclosure,
  ScorecardsQuery,
  SurveyBody,
} from './evaluation.schemas.ts';

const tags = ['evaluation'];

/** Evaluation and incentives on the mediation platform: the parties' survey, scorecards, public per-mediator figures. */
export function evaluationRoutes(app: RouteApp, deps: Deps) {
  const config = { access: 'signed-in' as const };
  app.get(
    '/api/cases/:id/survey',
    {
      config,
      schema: {
        tags,
        summary: 'The satisfaction survey of a case, for its parties',
        params: IdParams,
        response: replies({ 200: CaseSurvey }),
      },
    },
    async (request) => caseSurvey(deps, signedIn(request), request.params.id),
  );
  app.post(
    '/api/cases/:id/survey',
    {
      config,
      schema: {
        tags,
        summary: 'Answer the survey once mediation has ended (once per side)',
        description: '400 SURVEY_INVALID; 409 SURVEY_NOT_OPEN (not ended, not a party, already answered).',
        params: IdParams,
        body: SurveyBody,
        response: replies({ 200: CaseSurvey }),
      },
    },
    async (request) => submitSurvey(deps, signedIn(request), { caseId: request.params.id, ...request.body }),
  );
  app.get(
    '/api/evaluation/scorecards',
    {
      config,
      schema: {
        tags,
        summary:
          'A year’s scorecards and ranking of mediators or organizations, with the weights version used',
        querystring: ScorecardsQuery,
        response: replies({ 200: Scorecards }),
      },
    },
    async (request) => getScorecards(deps, signedIn(request), request.query),
  );
  app.get(
    '/api/public/mediators',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Per-mediator public figures for a year (mediations ended, settled), none under 10',
        querystring: DisclosureQuery,
        response: replies({ 200: MediatorDisclosure }),
      },
    },
    async (request) => mediatorDisclosure(deps, request.query),
  );
}
