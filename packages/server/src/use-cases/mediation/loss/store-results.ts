import { formatDay, type InvestorResult, resultRow, type TradeTable } from '@sutiao/loss-engine';
import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';

const INSERT_BATCH = 500;

/** Source line → row of the trade table, so each explained trade can show its date, side, quantity and price. */
export function rowsByLine(table: TradeTable): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < table.count; i++) map.set(table.line[i] ?? 0, i);
  return map;
}

const milliToYuan = (milli: number): string =>
  `${Math.floor(milli / 1000)}.${(milli % 1000).toString().padStart(3, '0')}`;

/** The engine's explanation (LOSS-SPEC §3) with each trade as it appeared in the uploaded file. */
function explanationOf(r: InvestorResult, table: TradeTable, byLine: Map<number, number>) {
  return {
    reason: r.reason,
    reasonZh: r.reasonZh,
    reasonEn: r.reasonEn,
    inRange: r.inRange,
    eligible: r.eligible,
    segments: r.segments,
    trades: (r.trades ?? []).map((t) => {
      const i = byLine.get(t.line);
      return {
        ...t,
        tradeDate: i === undefined ? null : formatDay(table.day[i] ?? 0),
        side: i === undefined ? null : table.side[i] === 0 ? 'B' : 'S',
        channel: i === undefined ? null : (table.channels[table.channel[i] ?? 0] ?? null),
        quantity: i === undefined ? null : String(table.qty[i]),
        price: i === undefined ? null : milliToYuan(table.priceMilli[i] ?? 0),
      };
    }),
  };
}

/** Writes one chunk of results; the §3 row keeps every figure as the engine's exact decimal string. */
export async function storeResults(
  db: Kysely<DB>,
  assessmentId: string,
  results: InvestorResult[],
  table: TradeTable,
  byLine: Map<number, number>,
): Promise<void> {
  for (let i = 0; i < results.length; i += INSERT_BATCH) {
    const values = results.slice(i, i + INSERT_BATCH).map((r) => ({
      assessment_id: assessmentId,
      investor_id: r.investorId,
      eligible: r.eligible,
      reason: r.reason,
      total_fen: Number(r.money.total),
      row: JSON.stringify(resultRow(r)),
      explanation: JSON.stringify(explanationOf(r, table, byLine)),
    }));
    await db.insertInto('loss_results').values(values).execute();
  }
}
