import { assessSegment, type SegmentOutcome } from './assess-segment';
import { type Exact, eAdd, eDiv, eSign } from './exact';
import {
  INVESTOR_REASONS,
  type InvestorReason,
  TRADE_CODES,
  type TradeCode,
  type TradeNote,
} from './explain';
import { exactField, type Field, fastField, OVERFLOW } from './field';
import type { CasePlan } from './plan';
import { constantsFor, prepareTrades, sortRows } from './prepare';
import { formatAverage, formatCents, formatQuantity, roundToCents, toYuan } from './rounding';
import type { TradeTable } from './trade-table';
import { WINDOW_NAMES } from './windows';

/** One segment's figures as exact decimal strings (yuan). */
export interface SegmentResult {
  N: string;
  C: string;
  Ns: string;
  Ps: string;
  Nh: string;
  B: string;
  L: string;
  r: string;
  L_deducted: string;
  commission: string;
  stamp_duty: string;
  interest: string;
}

export interface TradeExplanation {
  line: number;
  account: string;
  segment: number;
  window: (typeof WINDOW_NAMES)[number] | 'n/a';
  used: boolean;
  code: TradeCode;
  zh: string;
  en: string;
}

/** Money in integer cents, each component already rounded half-up. */
export interface MoneyCents {
  L: bigint;
  deducted: bigint;
  commission: bigint;
  stampDuty: bigint;
  interest: bigint;
  total: bigint;
}

export interface InvestorResult {
  investorId: string;
  eligible: boolean;
  reason: InvestorReason;
  reasonZh: string;
  reasonEn: string;
  /** Had an eligible buy in some W1 (投资者在索赔范围内). */
  inRange: boolean;
  segments: SegmentResult[];
  money: MoneyCents;
  /** The same components before rounding, exact, in yuan. */
  exact: { L: Exact; deducted: Exact; commission: Exact; stampDuty: Exact; interest: Exact };
  /** Which arithmetic produced it: the safe-integer fast path, or the BigInt fallback. */
  path: 'fast' | 'exact';
  trades?: TradeExplanation[];
}

/** Assesses one investor's rows (all accounts); fast path first, exact BigInt path on overflow. */
export function assessInvestorRows(
  plan: CasePlan,
  table: TradeTable,
  investor: number,
  rows: number[],
  forceExact = false,
): InvestorResult {
  sortRows(table, rows);
  if (!forceExact) {
    try {
      return run(fastField, plan, table, investor, rows);
    } catch (e) {
      if (e !== OVERFLOW) throw e;
    }
  }
  return run(exactField, plan, table, investor, rows);
}

function run<T>(
  F: Field<T>,
  plan: CasePlan,
  table: TradeTable,
  investor: number,
  rows: number[],
): InvestorResult {
  const consts = constantsFor(F, plan);
  const notes: TradeNote[] | null = plan.explain ? [] : null;
  const trades = prepareTrades(F, plan, consts, table, rows, notes);
  const outcomes: SegmentOutcome<Exact>[] = [];
  for (let k = 0; k < plan.segments.length; k++) {
    outcomes.push(toExact(F, assessSegment(F, plan, k, consts, trades, notes)));
  }
  return combine(plan, table, investor, outcomes, notes, F.name);
}

function toExact<T>(F: Field<T>, o: SegmentOutcome<T>): SegmentOutcome<Exact> {
  const x = F.toExact;
  return {
    hadOpen: o.hadOpen,
    N: x(o.N),
    C: x(o.C),
    Ns: x(o.Ns),
    closeAmount: x(o.closeAmount),
    Nh: x(o.Nh),
    L: x(o.L),
    r: x(o.r),
    deducted: x(o.deducted),
    commission: x(o.commission),
    stampDuty: x(o.stampDuty),
    interest: x(o.interest),
  };
}

function combine(
  plan: CasePlan,
  table: TradeTable,
  investor: number,
  outcomes: SegmentOutcome<Exact>[],
  notes: TradeNote[] | null,
  path: 'fast' | 'exact',
): InvestorResult {
  let L: Exact = { n: 0n, d: 1n };
  let deducted = L;
  let commission = L;
  let stampDuty = L;
  let interest = L;
  const segments = outcomes.map((o, k): SegmentResult => {
    L = eAdd(L, o.L);
    deducted = eAdd(deducted, o.deducted);
    commission = eAdd(commission, o.commission);
    stampDuty = eAdd(stampDuty, o.stampDuty);
    interest = eAdd(interest, o.interest);
    const Ps = eSign(o.Ns) > 0 ? eDiv(o.closeAmount, o.Ns) : { n: 0n, d: 1n };
    return {
      N: formatQuantity(o.N),
      C: formatAverage(toYuan(o.C)),
      Ns: formatQuantity(o.Ns),
      Ps: formatAverage(toYuan(Ps)),
      Nh: formatQuantity(o.Nh),
      B: formatAverage(plan.segments[k]!.basePrice),
      L: formatCents(roundToCents(toYuan(o.L))),
      r: formatAverage(o.r),
      L_deducted: formatCents(roundToCents(toYuan(o.deducted))),
      commission: formatCents(roundToCents(toYuan(o.commission))),
      stamp_duty: formatCents(roundToCents(toYuan(o.stampDuty))),
      interest: formatCents(roundToCents(toYuan(o.interest))),
    };
  });
  const money: MoneyCents = {
    L: roundToCents(toYuan(L)),
    deducted: roundToCents(toYuan(deducted)),
    commission: roundToCents(toYuan(commission)),
    stampDuty: roundToCents(toYuan(stampDuty)),
    interest: roundToCents(toYuan(interest)),
    total: 0n,
  };
  money.total = money.deducted + money.commission + money.stampDuty + money.interest;
  const eligible = outcomes.some((o) => eSign(o.N) > 0);
  const inRange = outcomes.some((o) => o.hadOpen);
  const reason: InvestorReason = eligible
    ? money.total > 0n
      ? 'LOSS'
      : 'NO_LOSS'
    : inRange
      ? 'SOLD_OUT_BEFORE_DISCLOSURE'
      : 'NOT_IN_RANGE';
  const result: InvestorResult = {
    investorId: table.investorIds[investor]!,
    eligible,
    reason,
    reasonZh: INVESTOR_REASONS[reason][0],
    reasonEn: INVESTOR_REASONS[reason][1],
    inRange,
    segments,
    money,
    exact: {
      L: toYuan(L),
      deducted: toYuan(deducted),
      commission: toYuan(commission),
      stampDuty: toYuan(stampDuty),
      interest: toYuan(interest),
    },
    path,
  };
  if (notes) {
    result.trades = notes.map((n) => ({
      line: table.line[n.row]!,
      account: table.accountIds[table.account[n.row]!]!,
      segment: n.segment,
      window: n.segment < 0 ? 'n/a' : WINDOW_NAMES[n.window],
      used: n.used,
      code: n.code,
      zh: TRADE_CODES[n.code][0],
      en: TRADE_CODES[n.code][1],
    }));
  }
  return result;
}
