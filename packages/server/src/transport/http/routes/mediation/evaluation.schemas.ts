import { Type } from '@sinclair/typebox';
import { INDICATOR_KEYS, SCORECARD_LEVELS } from '@sutiao/domain/evaluation/indicators.ts';
import { component, Nullable } from '../common/shared.schemas.ts';
import { oneOf } from '../common/statistics-shared.schemas.ts';

const Level = oneOf(SCORECARD_LEVELS);
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

export const CaseSurvey = component(
  'CaseSurvey',
  Type.Object({
    open: Type.Boolean(),
    side: Nullable(oneOf(['investor', 'respondent'] as const)),
    submitted: Type.Boolean(),
    questions: Type.Array(Type.Object({ key: Type.String(), zh: Type.String(), en: Type.String() })),
  }),
);

export const SurveyBody = Type.Object(
  {
    // Checked by the use case, so a missing or out-of-range answer gets SURVEY_INVALID naming the question.
    answers: Type.Record(Type.String({ maxLength: 20 }), Type.Number(), { maxProperties: 10 }),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

const Weights = Type.Object(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, Type.Number()])));

const Version = Type.Object({
  level: Level,
  version: Type.Integer(),
  effectiveYear: Type.Integer(),
  weights: Weights,
  note: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ScorecardVersions = component('ScorecardVersions', Type.Object({ items: Type.Array(Version) }));

export const VersionsQuery = Type.Object({ level: Level }, { additionalProperties: false });

export const DefineVersionBody = Type.Object(
  {
    level: Level,
    effectiveYear: Year,
    // Checked by the use case (EVALUATION_WEIGHTS_INVALID says which weight and what they add up to).
    weights: Type.Record(Type.String({ maxLength: 40 }), Type.Number(), { maxProperties: 20 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const ScorecardsQuery = Type.Object({ level: Level, year: Year }, { additionalProperties: false });

const Score = Nullable(Type.Number());

export const Scorecards = component(
  'Scorecards',
  Type.Object({
    level: Level,
    year: Type.Integer(),
    period: Type.Object({ from: Type.String(), to: Type.String() }),
    version: Version,
    definitions: Type.Array(
      Type.Object({ indicator: oneOf(INDICATOR_KEYS), zh: Type.String(), en: Type.String() }),
    ),
    rows: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        organizationName: Nullable(Type.String()),
        measurements: Type.Object({
          successRate: Score,
          medianDaysToSettle: Score,
          satisfactionAverage: Score,
          dockingReceived: Type.Integer(),
          trainingShare: Score,
          settled: Type.Integer(),
          failed: Type.Integer(),
          surveyResponses: Type.Integer(),
        }),
        scores: Type.Object(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, Score]))),
        score: Score,
        coverage: Type.Integer(),
        rank: Nullable(Type.Integer()),
      }),
    ),
  }),
);

export const DisclosureQuery = Type.Object({ year: Year }, { additionalProperties: false });

export const MediatorDisclosure = component(
  'MediatorDisclosure',
  Type.Object({
    year: Type.Integer(),
    threshold: Type.Integer(),
    items: Type.Array(
      Type.Object({
        id: Type.String(),
        displayName: Type.String(),
        organizationName: Type.String(),
        workstation: Nullable(Type.String()),
        specialties: Type.Array(Type.String()),
        mediated: Nullable(Type.Integer({ description: 'null: fewer than the threshold' })),
        settled: Nullable(
          Type.Integer({ description: 'null: it or the unsettled remainder is under the threshold' }),
        ),
      }),
    ),
  }),
);
