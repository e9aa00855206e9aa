import { assessSegment, type SegmentOutcome } from './assess-segment';
import type { Exact } from './exact';
import {
  INVESTOR_REASONS,
  type InvestorReason,
  TRADE_CODES,
  type TradeCode,
  type TradeNote,
} from './explain';
import { exactField, type Field, hybridField, hybridPromotions } from './field';
import { kernelApplies, kernelInvestor } from './kernel';
import type { CasePlan } from './plan';
import { constantsFor, prepareTrades, sortRows } from './prepare';
import { formatCents, toYuan } from './rounding';
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
  /** The same components before rounding, exact, in yuan (lazy, non-enumerable). */
  readonly exact: { L: Exact; deducted: Exact; commission: Exact; stampDuty: Exact; interest: Exact };
  /** 'fast': safe integers only; 'exact': some values needed BigInt (or `forceExact`). */
  path: 'fast' | 'exact';
  trades?: TradeExplanation[];
}

type ExactComponents = InvestorResult['exact'];

/**
 * An investor's result: the same own enumerable properties, in the same order, as the plain object it replaces;
 * the exact unrounded components are computed on demand by a prototype getter from a private field (not
 * cloned to/from worker threads). One class, so every result has the same hidden class — a per-object
 * accessor gave each result its own map (memory, GC and megamorphic property reads when printing).
 */
class Result implements InvestorResult {
  declare readonly investorId: string;
  declare readonly eligible: boolean;
  declare readonly reason: InvestorReason;
  declare readonly reasonZh: string;
  declare readonly reasonEn: string;
  declare readonly inRange: boolean;
  declare readonly segments: SegmentResult[];
  declare readonly money: MoneyCents;
  declare path: 'fast' | 'exact';
  declare trades?: TradeExplanation[];
  readonly #exact: () => ExactComponents;

  constructor(
    investorId: string,
    eligible: boolean,
    reason: InvestorReason,
    inRange: boolean,
    segments: SegmentResult[],
    money: MoneyCents,
    path: 'fast' | 'exact',
    exact: () => ExactComponents,
  ) {
    this.investorId = investorId;
    this.eligible = eligible;
    this.reason = reason;
    this.reasonZh = INVESTOR_REASONS[reason][0];
    this.reasonEn = INVESTOR_REASONS[reason][1];
    this.inRange = inRange;
    this.segments = segments;
    this.money = money;
    this.path = path;
    this.#exact = exact;
  }

  get exact(): ExactComponents {
    return this.#exact();
  }
}

/** Assesses one investor's rows (all accounts) on the hybrid field, or entirely on BigInt with `forceExact`. */
export function assessInvestorRows(
  plan: CasePlan,
  table: TradeTable,
  investor: number,
  rows: number[],
  forceExact = false,
): InvestorResult {
  sortRows(table, rows);
  if (forceExact) return run(exactField, plan, table, investor, rows);
  if (kernelApplies(plan)) {
    const k = kernelInvestor(plan, table, investor, table, rows, 0, rows.length);
    if (k) return k;
  }
  const before = hybridPromotions();
  const r = run(hybridField, plan, table, investor, rows);
  if (hybridPromotions() !== before) r.path = 'exact';
  return r;
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
  const outcomes: SegmentOutcome<T>[] = [];
  for (let k = 0; k < plan.segments.length; k++)
    outcomes.push(assessSegment(F, plan, k, consts, trades, notes));
  return combine(F, plan, table, investor, outcomes, notes);
}

const AVG = [6, 12] as const;

export function combine<T>(
  F: Field<T>,
  plan: CasePlan,
  table: TradeTable,
  investor: number,
  outcomes: SegmentOutcome<T>[],
  notes: TradeNote[] | null,
): InvestorResult {
  const first = outcomes[0]!;
  let L = first.L;
  let deducted = first.deducted;
  let commission = first.commission;
  let stampDuty = first.stampDuty;
  let interest = first.interest;
  for (let k = 1; k < outcomes.length; k++) {
    const o = outcomes[k]!;
    L = F.add(L, o.L);
    deducted = F.add(deducted, o.deducted);
    commission = F.add(commission, o.commission);
    stampDuty = F.add(stampDuty, o.stampDuty);
    interest = F.add(interest, o.interest);
  }
  const segments = outcomes.map((o, k): SegmentResult => {
    const Ps = F.sign(o.Ns) > 0 ? F.div(o.closeAmount, o.Ns) : F.zero;
    return {
      N: F.decimal(o.N, 1, 0, 12),
      C: F.decimal(o.C, 1000, AVG[0], AVG[1]),
      Ns: F.decimal(o.Ns, 1, 0, 12),
      Ps: F.decimal(Ps, 1000, AVG[0], AVG[1]),
      Nh: F.decimal(o.Nh, 1, 0, 12),
      B: plan.segments[k]!.basePriceText,
      L: formatCents(F.cents(o.L, 1000)),
      r: F.decimal(o.r, 1, AVG[0], AVG[1]),
      L_deducted: formatCents(F.cents(o.deducted, 1000)),
      commission: formatCents(F.cents(o.commission, 1000)),
      stamp_duty: formatCents(F.cents(o.stampDuty, 1000)),
      interest: formatCents(F.cents(o.interest, 1000)),
    };
  });
  const money: MoneyCents = {
    L: F.cents(L, 1000),
    deducted: F.cents(deducted, 1000),
    commission: F.cents(commission, 1000),
    stampDuty: F.cents(stampDuty, 1000),
    interest: F.cents(interest, 1000),
    total: 0n,
  };
  money.total = money.deducted + money.commission + money.stampDuty + money.interest;
  const eligible = outcomes.some((o) => F.sign(o.N) > 0);
  const inRange = outcomes.some((o) => o.hadOpen);
  const reason: InvestorReason = eligible
    ? money.total > 0n
      ? 'LOSS'
      : 'NO_LOSS'
    : inRange
      ? 'SOLD_OUT_BEFORE_DISCLOSURE'
      : outcomes.some((o) => o.ineligibleOpen)
        ? 'INELIGIBLE_CHANNEL_ONLY'
        : 'NOT_IN_RANGE';
  const exactOf = (): ExactComponents => ({
    L: toYuan(F.toExact(L)),
    deducted: toYuan(F.toExact(deducted)),
    commission: toYuan(F.toExact(commission)),
    stampDuty: toYuan(F.toExact(stampDuty)),
    interest: toYuan(F.toExact(interest)),
  });
  const result: InvestorResult = new Result(
    table.investorIds[investor]!,
    eligible,
    reason,
    inRange,
    segments,
    money,
    F.name === 'exact' ? 'exact' : 'fast',
    exactOf,
  );
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
