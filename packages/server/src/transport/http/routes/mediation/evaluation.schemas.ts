import { Type } from '@sinclair/typebox';
import { LEVELS_OF_PLATFORM } from '@sutiao/domain/evaluation/indicators.ts';
import { component, Nullable } from '../common/shared.schemas.ts';
import { oneOf } from '../common/statistics-shared.schemas.ts';

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

export const ScorecardsQuery = Type.Object(
  { level: oneOf(LEVELS_OF_PLATFORM.mediation), year: Year },
  { additionalProperties: false },
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
