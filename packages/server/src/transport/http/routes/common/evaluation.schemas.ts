import { Type } from '@sinclair/typebox';
import { INDICATOR_KEYS, SCORECARD_LEVELS } from '@sutiao/domain/evaluation/indicators.ts';
import { component, Nullable } from './shared.schemas.ts';
import { oneOf } from './statistics-shared.schemas.ts';

/** Shapes of the scorecards on both platforms: the weights versions and a year's scorecards. */
const Level = oneOf(SCORECARD_LEVELS);
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

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
