import { Type } from '@sinclair/typebox';
import {
  COURT_FIGURE_KEYS,
  COURT_GROUP_BYS,
  LISTABLE_COURT_FIGURES,
} from '@sutiao/domain/statistics/court-figures.ts';
import { component, Id, Nullable } from '../common/shared.schemas.ts';
import {
  Day,
  DrillPaging,
  definition,
  figureValues,
  Labels,
  oneOf,
} from '../common/statistics-shared.schemas.ts';

const FilterFields = {
  from: Day,
  to: Day,
  groupBy: Type.Optional(oneOf(COURT_GROUP_BYS)),
  courtId: Type.Optional(Id),
  organizationId: Type.Optional(Id),
  kind: Type.Optional(oneOf(['delegation', 'entrustment', 'confirmation'] as const)),
};

export const CourtStatisticsQuery = Type.Object(FilterFields, { additionalProperties: false });

export const CourtFigureCasesQuery = Type.Object(
  { ...FilterFields, figure: oneOf(LISTABLE_COURT_FIGURES), ...DrillPaging },
  { additionalProperties: false },
);

const Figures = component(
  'CourtStatisticsFigures',
  figureValues(COURT_FIGURE_KEYS, 'Counts, amounts in fen, the success rate as a fraction, median days'),
);

export const CourtStatistics = component(
  'CourtStatistics',
  Type.Object({
    period: Type.Object({ from: Type.String(), to: Type.String() }),
    courts: Type.Array(
      Type.Object({ id: Type.String(), name: Type.String(), parentId: Nullable(Type.String()) }),
    ),
    groupBy: Nullable(oneOf(COURT_GROUP_BYS)),
    totals: Figures,
    groups: Type.Array(Type.Object({ key: Type.String(), label: Labels, figures: Figures })),
    definitions: Type.Array(definition(COURT_FIGURE_KEYS)),
  }),
);

export const CourtFigureCases = component(
  'CourtStatisticsFigureCases',
  Type.Object({
    figure: oneOf(LISTABLE_COURT_FIGURES),
    group: Nullable(Type.String()),
    total: Type.Integer(),
    totalAmountFen: Type.Integer(),
    items: Type.Array(
      Type.Object({
        caseId: Type.String(),
        caseNumber: Nullable(Type.String()),
        kind: Type.String(),
        status: Type.String(),
        courtName: Type.String(),
        organizationName: Nullable(Type.String()),
        claimAmountFen: Type.Integer(),
        day: Type.String(),
        amountFen: Type.Integer(),
      }),
    ),
  }),
);

export const CourtScorecardsQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);
