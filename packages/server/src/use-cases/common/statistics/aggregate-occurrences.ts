import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Period } from '@sutiao/domain/statistics/period.ts';
import type { DB } from '../../../adapters/db/schema.ts';

/**
 * Both platforms count their figures the same way: a CTE named `occurrences` holds one row per counted event with
 * its `figure`, Beijing `day`, `amount` and stage `days`; a figure is an aggregate over the rows of the period. This
 * module holds that shape once; each platform says which occurrences it has and which aggregate each figure is.
 */

/** The Beijing calendar day of a timestamp. */
export const beijingDay = (at: RawBuilder<unknown>) => sql`(${at} at time zone 'Asia/Shanghai')::date`;

/** Days between two timestamps, fractional. */
export const daysBetween = (from: RawBuilder<unknown>, to: RawBuilder<unknown>) =>
  sql`(extract(epoch from (${to} - ${from})) / 86400.0)::float8`;

export const inPeriod = (period: Period) => sql`day between ${period.from}::date and ${period.to}::date`;

/** The month key of an occurrence, YYYY-MM. */
export const monthKey = sql<string>`to_char(day, 'YYYY-MM')`;

/**
 * A listable figure's aggregate over the occurrences it counts (`which`, the same condition its drill-down lists):
 * their number, or for an amount their amounts' sum.
 */
export const figureAggregate = (unit: 'count' | 'fen', which: RawBuilder<unknown>) =>
  unit === 'fen'
    ? sql`coalesce(sum(amount) filter (where ${which}), 0)`
    : sql`count(*) filter (where ${which})`;

/** The median of the stage days of a figure's occurrences (null when there are none). */
export const medianOf = (figure: string) =>
  sql`percentile_cont(0.5) within group (order by days) filter (where figure = ${figure} and days is not null)`;

/** A median in days to one decimal, rounded here (not in SQL) so float and decimal rounding never disagree. */
export const tenthOfDay = (days: number | null) =>
  days === null ? null : Math.round(Number(days) * 10) / 10;

/**
 * Several breakdowns in one pass over the period's occurrences (GROUPING SETS): for each entry of `keys`, one row per
 * group that has any occurrence in the period or, for `undefined`, exactly one row (the totals); every column a
 * number or null.
 */
export async function aggregateOccurrences<C extends string>(
  db: Kysely<DB>,
  cte: RawBuilder<unknown>,
  period: Period,
  keys: readonly (RawBuilder<string> | undefined)[],
  columns: Record<C, RawBuilder<unknown>>,
): Promise<{ key: string; values: Record<C, number | null> }[][]> {
  const names = Object.keys(columns) as C[];
  const selected = names.map((name, i) => sql`${columns[name]} as ${sql.ref(`c${i}`)}`);
  const grouped = keys.flatMap((key, i) => (key ? [{ key, name: `k${i}`, index: i }] : []));
  const keyColumns = grouped.map((g) => sql`${g.key} as ${sql.ref(g.name)}`);
  const sets = keys.map((key, i) => (key ? sql`(${sql.ref(`k${i}`)})` : sql`()`));
  // grouping(k…) has a bit set for each key column a row is not grouped by: which set the row belongs to.
  const setOf = grouped.length ? sql`grouping(${sql.join(grouped.map((g) => sql.ref(g.name)))})` : sql`0`;
  const { rows } = await sql<Record<string, string | number | null>>`
    with ${cte}
    select ${setOf} as set_of${grouped.length ? sql`, ${sql.join(grouped.map((g) => sql.ref(g.name)))}` : sql``},
      ${sql.join(selected)}
    from (select *${keyColumns.length ? sql`, ${sql.join(keyColumns)}` : sql``} from occurrences
          where ${inPeriod(period)}) occurrences
    group by grouping sets (${sql.join(sets)})
    order by set_of${grouped.length ? sql`, ${sql.join(grouped.map((g) => sql.ref(g.name)))}` : sql``}`.execute(
    db,
  );
  const all = (1 << grouped.length) - 1;
  return keys.map((key, i) => {
    const position = grouped.findIndex((g) => g.index === i);
    const mask = key ? all & ~(1 << (grouped.length - 1 - position)) : all;
    return rows
      .filter((row) => Number(row.set_of) === mask)
      .map((row) => ({
        key: key ? String(row[`k${i}`]) : '',
        values: Object.fromEntries(
          names.map((name, c) => {
            const v = row[`c${c}`];
            return [name, v === null || v === undefined ? null : Number(v)];
          }),
        ) as Record<C, number | null>,
      }));
  });
}

/** The occurrences of one figure in the period (and group), paged, with their count and amount in all. */
export async function pageOccurrences<R>(
  db: Kysely<DB>,
  cte: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  columns: RawBuilder<unknown>,
  page: { limit: number; offset: number },
): Promise<{ rows: R[]; total: number; totalAmountFen: number }> {
  const [rows, summary] = await Promise.all([
    sql<R>`with ${cte} select ${columns} from occurrences where ${where}
      order by day desc, id limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: string; amount: string | null }>`with ${cte}
      select count(*) as n, sum(amount) as amount from occurrences where ${where}`.execute(db),
  ]);
  return {
    rows: rows.rows,
    total: Number(summary.rows[0]?.n ?? 0),
    totalAmountFen: Number(summary.rows[0]?.amount ?? 0),
  };
}
