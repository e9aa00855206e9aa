import type { LossParams, LossSegment } from '../../api/loss-types.ts';

/** The form's shape: flat strings, so inputs stay controlled and nothing is coerced to a float. */
export interface ParamsFormValues {
  ruleVersion: '2022' | '2003';
  direction: 'inflation' | 'deflation';
  segments: { implementationDate: string; disclosureDate: string; baseDate: string; basePrice: string }[];
  buyAverage: NonNullable<LossParams['buyAverage']>;
  eligibleChannels: string[];
  commissionRate: string;
  stampDutyRate: string;
  interestRate: string;
  riskMethod: 'none' | 'ratio' | 'index';
  riskRatio: string;
  indices: string[];
  averagePriceDecimals: number | null;
}

export const CHANNELS = ['auction', 'ipo', 'block', 'negotiated', 'transfer'] as const;

const blankSegment = { implementationDate: '', disclosureDate: '', baseDate: '', basePrice: '' };

export function toFormValues(p: LossParams = {}): ParamsFormValues {
  const risk = p.systemicRisk ?? { method: 'none' };
  return {
    ruleVersion: p.ruleVersion ?? '2022',
    direction: p.direction ?? 'inflation',
    segments: (p.segments?.length ? p.segments : [blankSegment]).map((s) => ({
      implementationDate: s.implementationDate ?? '',
      disclosureDate: s.disclosureDate ?? '',
      baseDate: s.baseDate ?? '',
      basePrice: s.basePrice ?? '',
    })),
    buyAverage: p.buyAverage ?? 'mwa',
    eligibleChannels: p.eligibleChannels ?? ['auction', 'ipo'],
    commissionRate: p.commissionRate ?? '',
    stampDutyRate: p.stampDutyRate ?? '',
    interestRate: p.interestRate ?? '',
    riskMethod: risk.method,
    riskRatio: risk.method === 'ratio' ? risk.ratio : '',
    indices: risk.method === 'index' ? risk.indices : [],
    averagePriceDecimals: p.averagePriceDecimals ?? null,
  };
}

const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Back to LOSS-SPEC §1 JSON; empty optional fields are omitted, so the engine's defaults apply. */
export function toParams(v: ParamsFormValues): LossParams {
  const segments: LossSegment[] = v.segments.map((s) => ({
    implementationDate: s.implementationDate,
    disclosureDate: s.disclosureDate,
    ...(text(s.baseDate) ? { baseDate: text(s.baseDate) } : {}),
    ...(text(s.basePrice) ? { basePrice: text(s.basePrice) } : {}),
  }));
  const systemicRisk: LossParams['systemicRisk'] =
    v.riskMethod === 'ratio'
      ? { method: 'ratio', ratio: v.riskRatio.trim() }
      : v.riskMethod === 'index'
        ? { method: 'index', indices: v.indices }
        : { method: 'none' };
  return {
    ruleVersion: v.ruleVersion,
    direction: v.direction,
    segments,
    buyAverage: v.buyAverage,
    eligibleChannels: v.eligibleChannels,
    ...(text(v.commissionRate) ? { commissionRate: text(v.commissionRate) } : {}),
    ...(text(v.stampDutyRate) ? { stampDutyRate: text(v.stampDutyRate) } : {}),
    ...(v.ruleVersion === '2003' && text(v.interestRate) ? { interestRate: text(v.interestRate) } : {}),
    systemicRisk,
    ...(v.averagePriceDecimals !== null && v.averagePriceDecimals !== undefined
      ? { averagePriceDecimals: v.averagePriceDecimals }
      : {}),
  };
}
