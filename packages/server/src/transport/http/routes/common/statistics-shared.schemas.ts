import { type TNull, type TNumber, type TUnion, Type } from '@sinclair/typebox';
import { Nullable } from './shared.schemas.ts';

/** Shapes both platforms' statistics routes use. */
export const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));

/** Dates are checked by the use case (checkPeriod) so an impossible date gets STATS_PERIOD_INVALID, not a schema error. */
export const Day = Type.String({
  minLength: 1,
  maxLength: 10,
  description: 'YYYY-MM-DD, Beijing time, inclusive',
});
export const Labels = Type.Object({ zh: Type.String(), en: Type.String() });

/** A figure's definition as the page shows it beside the figure. */
export const definition = <F extends string>(figures: readonly F[]) =>
  Type.Object({
    figure: oneOf(figures),
    label: Labels,
    definition: Labels,
    unit: oneOf(['count', 'fen', 'rate', 'days'] as const),
  });

/** An object of figures, each a number or null. */
export const figureValues = <F extends string>(figures: readonly F[], description: string) =>
  Type.Object(
    Object.fromEntries(figures.map((f) => [f, Nullable(Type.Number())])) as unknown as Record<
      F,
      TUnion<[TNumber, TNull]>
    >,
    { description },
  );

/** Paging of a drill-down list. */
export const DrillPaging = {
  group: Type.Optional(Type.String({ maxLength: 120, description: 'A group key of the groupBy breakdown' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
};
