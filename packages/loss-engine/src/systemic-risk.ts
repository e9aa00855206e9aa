import type { FieldConstants } from './assess-segment';
import type { Field } from './field';
import type { CasePlan } from './plan';

export interface RiskInputs<T> {
  N: T;
  C: T;
  Nh: T;
  avg: T[];
  closeAmount: T[];
  /** Nh × B */
  held: T;
}

/**
 * The market-risk share r (docs/loss-rules.md §7). A court-given ratio overrides; the index method (同步指数对比法)
 * compares the stock's move with the mean move of one or more indices ("3+X"), averaged exactly like the price.
 */
export function systemicRatio<T>(
  F: Field<T>,
  plan: CasePlan,
  consts: FieldConstants<T>,
  k: number,
  s: RiskInputs<T>,
): T {
  const sr = plan.params.systemicRisk;
  if (sr.method === 'none') return F.zero;
  if (sr.method === 'ratio') return F.fromExact(sr.ratio);
  if (F.sign(s.C) === 0) return F.zero;
  const count = plan.indexNames.length;
  let sum = F.zero;
  for (let j = 0; j < count; j++) {
    const dim = plan.idxStart + j;
    const indexIn = s.avg[dim]!;
    const indexOut = F.div(F.add(s.closeAmount[dim]!, F.mul(s.Nh, consts.meanIndex[k]![j]!)), s.N);
    sum = F.add(sum, F.sub(F.div(indexOut, indexIn), F.one));
  }
  const dI = F.div(sum, F.int(count));
  const stockOut = F.div(F.add(s.closeAmount[0]!, s.held), s.N);
  const dS = F.sub(F.div(stockOut, s.C), F.one);
  // Inflation: both must have fallen; the deflation mirror: both must have risen.
  const sign = plan.opensAreBuys ? -1 : 1;
  if (F.sign(dI) !== sign || F.sign(dS) !== sign) return F.zero;
  const r = F.div(dI, dS);
  return F.cmp(r, F.one) > 0 ? F.one : r;
}
