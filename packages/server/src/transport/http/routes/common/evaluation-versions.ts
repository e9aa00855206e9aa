import type { Deps } from '../../../../deps.ts';
import {
  defineScorecard,
  listScorecardVersions,
} from '../../../../use-cases/common/evaluation/define-scorecard.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { DefineVersionBody, ScorecardVersions, VersionsQuery } from './evaluation.schemas.ts';
import { replies } from './shared.schemas.ts';

const tags = ['evaluation'];

/** The versions of the scorecards' weights, on both platforms (mediators and organizations; courts). */
export function evaluationVersionRoutes(app: RouteApp, deps: Deps) {
  const config = { access: 'signed-in' as const };
  app.get(
    '/api/evaluation/versions',
    {
      config,
      schema: {
        tags,
        summary: 'Versions of a level’s weights',
        querystring: VersionsQuery,
        response: replies({ 200: ScorecardVersions }),
      },
    },
    async (request) => listScorecardVersions(deps, signedIn(request), request.query.level),
  );
  app.post(
    '/api/evaluation/versions',
    {
      config,
      schema: {
        tags,
        summary: 'Add a version of a level’s weights, effective this year or later (system administrator)',
        description:
          '400 EVALUATION_WEIGHTS_INVALID (not whole percentages adding up to 100), EVALUATION_VERSION_PAST; VALIDATION_FAILED for a level this platform does not score.',
        body: DefineVersionBody,
        response: replies({ 200: ScorecardVersions }),
      },
    },
    async (request) => defineScorecard(deps, signedIn(request), request.body),
  );
}
