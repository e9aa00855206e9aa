import type { Deps } from '../../../../deps.ts';
import { getCourtScorecards } from '../../../../use-cases/court/evaluation/get-court-scorecards.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { Scorecards } from '../common/evaluation.schemas.ts';
import { replies } from '../common/shared.schemas.ts';
import { CourtScorecardsQuery } from './court-statistics.schemas.ts';

/** Courts' scorecards for court administrators (a court, a high court over its courts, the SPC over all). */
export function courtEvaluationRoutes(app: RouteApp, deps: Deps) {
  app.get(
    '/api/court/evaluation/scorecards',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['evaluation'],
        summary: 'A year’s scorecards and ranking of the courts a court administrator oversees',
        querystring: CourtScorecardsQuery,
        response: replies({ 200: Scorecards }),
      },
    },
    async (request) => getCourtScorecards(deps, signedIn(request), request.query),
  );
}
