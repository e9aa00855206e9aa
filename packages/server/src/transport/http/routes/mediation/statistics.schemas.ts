import { type TInteger, Type } from '@sinclair/typebox';
import { TRACKS } from '@sutiao/domain/lifecycles/direct-application-codes.ts';
import { GROUP_BYS, SECTORS, SOURCES } from '@sutiao/domain/statistics/dimensions.ts';
import {
  FIGURE_KEYS,
  LISTABLE_FIGURES,
  LOSS_FIGURE_KEYS,
  type LossFigure,
} from '@sutiao/domain/statistics/figures.ts';
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
  groupBy: Type.Optional(oneOf(GROUP_BYS)),
  organizationId: Type.Optional(Id),
  mediatorId: Type.Optional(Id),
  track: Type.Optional(oneOf(TRACKS)),
  source: Type.Optional(oneOf(SOURCES)),
  sector: Type.Optional(oneOf(SECTORS)),
  region: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
};

export const StatisticsQuery = Type.Object(FilterFields, { additionalProperties: false });

export const FigureCasesQuery = Type.Object(
  {
    ...FilterFields,
    figure: oneOf(LISTABLE_FIGURES),
    ...DrillPaging,
  },
  { additionalProperties: false },
);

const Figures = component(
  'StatisticsFigures',
  figureValues(
    FIGURE_KEYS,
    'Counts, amounts in fen, rates as fractions (null when nothing was decided), median days',
  ),
);

export const Statistics = component(
  'Statistics',
  Type.Object({
    period: Type.Object({ from: Type.String(), to: Type.String() }),
    scope: Type.Object({
      kind: oneOf(['all', 'region', 'organization'] as const),
      organizations: Type.Array(
        Type.Object({ id: Type.String(), name: Type.String(), parentId: Nullable(Type.String()) }),
      ),
    }),
    groupBy: Nullable(oneOf(GROUP_BYS)),
    totals: Figures,
    groups: Type.Array(Type.Object({ key: Type.String(), label: Labels, figures: Figures })),
    definitions: Type.Array(definition(FIGURE_KEYS)),
    loss: Type.Object(
      Object.fromEntries(LOSS_FIGURE_KEYS.map((f) => [f, Type.Integer()])) as unknown as Record<
        LossFigure,
        TInteger
      >,
      {
        description:
          'Loss assessments issued in the period: reports, courts, companies, investors, amount in fen',
      },
    ),
    lossDefinitions: Type.Array(definition(LOSS_FIGURE_KEYS)),
  }),
);

export const FigureCases = component(
  'StatisticsFigureCases',
  Type.Object({
    figure: oneOf(LISTABLE_FIGURES),
    group: Nullable(Type.String()),
    total: Type.Integer(),
    totalAmountFen: Type.Integer(),
    items: Type.Array(
      Type.Object({
        caseId: Type.String(),
        caseNumber: Nullable(Type.String()),
        organizationName: Type.String(),
        status: Type.String(),
        track: Nullable(Type.String()),
        source: Type.String(),
        claimAmountFen: Type.Integer(),
        day: Type.String(),
        amountFen: Type.Integer(),
      }),
    ),
  }),
);

export const PublicStatisticsQuery = Type.Object(
  { year: Type.Integer({ minimum: 1900, maximum: 9999 }) },
  { additionalProperties: false },
);

const PublicRow = Type.Object({
  key: Type.String(),
  name: Type.String(),
  registered: Nullable(Type.Integer()),
  accepted: Nullable(Type.Integer()),
  settled: Nullable(Type.Integer()),
  successRate: Nullable(Type.Number()),
  amountInDisputeFen: Nullable(Type.Integer()),
  paidFen: Nullable(Type.Integer()),
});

export const PublicStatistics = component(
  'PublicStatistics',
  Type.Object(
    {
      year: Type.Integer(),
      threshold: Type.Integer({
        description: 'No published cell is under this count; null marks a suppressed cell',
      }),
      byOrganization: Type.Array(PublicRow),
      byMonth: Type.Array(PublicRow),
      total: PublicRow,
    },
    { description: 'Suppressed cells are null' },
  ),
);
