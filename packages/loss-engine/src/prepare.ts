import type { FieldConstants, Prepared } from './assess-segment';
import { inputError } from './errors';
import type { TradeNote } from './explain';
import type { Field } from './field';
import type { CasePlan } from './plan';
import type { TradeTable } from './trade-table';

export interface InvestorConstants<T> extends FieldConstants<T> {
  /** suffix[i] = product of the factors of actions i.. (restoring a trade before all of them). */
  suffixFactor: T[];
  indexByRow: Map<number, T[]>;
}

export function constantsFor<T>(F: Field<T>, plan: CasePlan): InvestorConstants<T> {
  const cached = plan.cache.get(F.name) as InvestorConstants<T> | undefined;
  if (cached) return cached;
  const suffixFactor: T[] = new Array<T>(plan.actions.length + 1);
  suffixFactor[plan.actions.length] = F.one;
  for (let i = plan.actions.length - 1; i >= 0; i--)
    suffixFactor[i] = F.mul(suffixFactor[i + 1]!, F.fromExact(plan.actions[i]!.factor));
  const c: InvestorConstants<T> = {
    basePriceMilli: plan.segments.map((s) => F.fromExact(s.basePriceMilli)),
    baseDay: plan.segments.map((s) => F.int(s.base)),
    meanIndex: plan.segments.map((s) => s.meanIndex.map((x) => F.fromExact(x))),
    suffixFactor,
    indexByRow: new Map(),
  };
  plan.cache.set(F.name, c);
  return c;
}

/** Sorts one investor's merged accounts by (date, seq, file order) — art. 30. */
export function sortRows(table: TradeTable, rows: number[]): void {
  const { day, seq } = table;
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    if (day[a]! > day[b]! || (day[a] === day[b] && seq[a]! > seq[b]!)) sorted = false;
  }
  if (!sorted) rows.sort((a, b) => day[a]! - day[b]! || seq[a]! - seq[b]! || a - b);
}

/**
 * Turns sorted rows into engine trades: checks holdings never go negative, restores ex-rights
 * (quantity × (1+s), price ÷ (1+s), exactly) and attaches the averaged values.
 */
export function prepareTrades<T>(
  F: Field<T>,
  plan: CasePlan,
  consts: InvestorConstants<T>,
  table: TradeTable,
  rows: number[],
  notes: TradeNote[] | null,
): Prepared<T>[] {
  const out: Prepared<T>[] = [];
  const first = plan.segments[0]!.impl;
  const last = plan.segments[plan.segments.length - 1]!.base;
  const actions = plan.actions;
  let holding = F.zero;
  for (const row of rows) {
    if (plan.security !== -1 && table.security[row] !== plan.security) {
      notes?.push({ row, segment: -1, window: 0, used: false, code: 'OTHER_SECURITY' });
      continue;
    }
    const day = table.day[row]!;
    let qty = F.int(table.qty[row]!);
    let price = F.int(table.priceMilli[row]!);
    if (actions.length > 0) {
      let a = 0;
      while (a < actions.length && actions[a]!.exDay <= day) a++;
      if (a < actions.length) {
        const f = consts.suffixFactor[a]!;
        qty = F.mul(qty, f);
        price = F.div(price, f);
      }
    }
    const buy = table.side[row] === 0;
    holding = buy ? F.add(holding, qty) : F.sub(holding, qty);
    if (F.sign(holding) < 0) {
      throw inputError(
        'SELL_EXCEEDS_HOLDINGS',
        '卖出数量超过当时持仓',
        'sell quantity exceeds the holding at that time',
        {
          file: table.file,
          line: table.line[row],
          column: table.columnNumber('quantity'),
          columnName: 'quantity',
        },
      );
    }
    let vals: T[] | null = null;
    if (day >= first && day <= last) {
      vals = [price];
      if (plan.dayDim >= 0) vals.push(F.int(day));
      if (plan.idxStart >= 0) vals.push(...indexValues(F, plan, consts, table, row, day));
    }
    out.push({
      row,
      day,
      open: buy === plan.opensAreBuys,
      eligible: plan.eligibleChannel[table.channel[row]!] === true,
      qty,
      vals,
    });
  }
  return out;
}

function indexValues<T>(
  F: Field<T>,
  plan: CasePlan,
  consts: InvestorConstants<T>,
  table: TradeTable,
  row: number,
  day: number,
): T[] {
  const m = plan.market!.dayIndex.get(day);
  if (m === undefined) {
    // Only trades inside a segment's windows need an index close.
    if (!plan.segments.some((s) => day >= s.impl && day <= s.base))
      return plan.indexColumns.map(() => F.zero);
    throw inputError(
      'MISSING_MARKET_DATA',
      '行情文件缺少该交易日的指数收盘价',
      'market data has no index close for this trade date',
      {
        file: table.file,
        line: table.line[row],
        column: table.columnNumber('trade_date'),
        columnName: 'trade_date',
      },
    );
  }
  let v = consts.indexByRow.get(m);
  if (!v) {
    v = plan.indexColumns.map((c) => F.fromExact(c[m]!));
    consts.indexByRow.set(m, v);
  }
  return v;
}
